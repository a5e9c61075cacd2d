/**
 * "Suggest concepts from library": the terms the user's notes and papers define (`in-context learning (ICL)`,
 * `思维链（Chain-of-Thought，CoT）`), each with the notes and papers that use it, for the user to tick. Terms a concept
 * note has already are shown as such and cannot be ticked. Nothing is created until the user confirms; then the
 * caller creates the ticked ones. The suggestions are looked for while the modal is open (it says so).
 */
import { Modal, Setting, type App, type ButtonComponent } from 'obsidian';
import type { ConceptSuggestion, VaultSuggestions } from '../../core/concepts';
import { errorMessage, plural } from '../../core/text';

/** Below this, a term is hidden unless "Show terms used once" is on (the CLI's `--min-notes` default). */
const MIN_USES = 2;

export interface SuggestConceptsOptions {
  /** Finds the suggestions (every term, used once or more), and what the user should know about them. */
  find(): Promise<VaultSuggestions & { warning?: string }>;
  /** The user confirmed with these ticked. */
  onAccept(chosen: ConceptSuggestion[]): void;
}

export class SuggestConceptsModal extends Modal {
  private found: (VaultSuggestions & { warning?: string }) | null = null;
  private readonly chosen = new Set<ConceptSuggestion>();
  private showOnce = false;
  private createButton: ButtonComponent | null = null;

  constructor(
    app: App,
    private readonly options: SuggestConceptsOptions,
  ) {
    super(app);
    this.setTitle('Suggest concepts from library');
  }

  override onOpen(): void {
    this.contentEl.createEl('p', { text: 'Looking for terms your notes and papers define…' });
    this.options.find().then(
      (found) => {
        this.found = found;
        this.draw();
      },
      (err: unknown) => {
        this.contentEl.empty();
        this.contentEl.createEl('p', { text: `The suggestions could not be made: ${errorMessage(err)}` });
      },
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** The suggestions shown now: those used at least twice, or all of them. */
  private shown(): ConceptSuggestion[] {
    return (this.found?.suggestions ?? []).filter((s) => this.showOnce || s.notes + s.papers >= MIN_USES);
  }

  private draw(): void {
    const found = this.found!;
    const { contentEl } = this;
    contentEl.empty();
    const shown = this.shown();
    const read = `${plural(found.notesRead, 'note')}${found.papersRead > 0 ? ` and ${plural(found.papersRead, 'paper')}` : ''}`;
    contentEl.createEl('p', {
      text: shown.length === 0 ? `No new terms are defined in ${read}.` : `${plural(shown.length, 'term')} defined in ${read}. Tick those that should become concept notes; their long forms become aliases.`,
    });
    if (found.warning) contentEl.createEl('p', { cls: 'zotero-concept-notes-warning', text: found.warning });
    new Setting(contentEl).setName('Show terms used once').addToggle((toggle) =>
      toggle.setValue(this.showOnce).onChange((on) => {
        this.showOnce = on;
        for (const s of [...this.chosen]) if (!this.shown().includes(s)) this.chosen.delete(s);
        this.draw();
      }),
    );
    const list = contentEl.createDiv({ cls: 'zotero-concept-notes-suggestions' });
    for (const suggestion of shown) this.row(list, suggestion);
    new Setting(contentEl)
      .addButton((button) => {
        this.createButton = button.setCta().onClick(() => this.accept());
        this.updateButton();
      })
      .addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()));
  }

  private row(container: HTMLElement, s: ConceptSuggestion): void {
    const uses = [s.notes > 0 ? plural(s.notes, 'note') : '', s.papers > 0 ? plural(s.papers, 'paper') : ''].filter(Boolean).join(', ');
    const aliases = s.aliases.length > 0 ? `${s.aliases.slice(0, 3).join('; ')}${s.aliases.length > 3 ? '; …' : ''} · ` : '';
    const setting = new Setting(container).setName(s.term).setDesc(`${aliases}${uses}${s.existing ? ` · already a concept: ${s.existing}` : ''}`);
    setting.addToggle((toggle) =>
      toggle
        .setValue(this.chosen.has(s))
        .setDisabled(s.existing !== null)
        .onChange((on) => {
          if (on) this.chosen.add(s);
          else this.chosen.delete(s);
          this.updateButton();
        }),
    );
  }

  private updateButton(): void {
    const n = this.chosen.size;
    this.createButton?.setButtonText(n === 0 ? 'Create concept notes' : `Create ${plural(n, 'concept note')}`).setDisabled(n === 0);
  }

  private accept(): void {
    const chosen = this.shown().filter((s) => this.chosen.has(s));
    if (chosen.length === 0) return;
    this.close();
    this.options.onAccept(chosen);
  }
}
