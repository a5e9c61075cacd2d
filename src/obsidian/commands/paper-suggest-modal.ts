/**
 * A fuzzy search over the library (title, authors, year, citekey, venue; CJK too, the fuzzy match is per
 * character), marking papers that already have a note. Opens at once: while the first load of the library runs,
 * it says "Loading library…" and fills itself when the load ends. It searches the library's compact entries; the
 * chosen paper is read whole only by what is done with it.
 */
import { FuzzySuggestModal, type App, type FuzzyMatch } from 'obsidian';
import type { LoadedLibrary, PaperEntry } from '../../core/library';
import { errorMessage } from '../../core/text';

export interface PaperSuggestOptions {
  /** The library now, if loaded. */
  current: LoadedLibrary | null;
  /** Resolves with the library once loaded (used when `current` is null). */
  load(): Promise<LoadedLibrary>;
  /** Citekeys that have a note already. */
  noted(): Promise<Set<string>>;
  placeholder: string;
  onChoose(paper: PaperEntry): void;
}

/** The text the fuzzy search matches: everything a user may remember of a paper. */
export function paperSearchText(paper: PaperEntry): string {
  return [paper.title, paper.authors, paper.year ?? '', paper.citekey, paper.venue ?? ''].join(' · ');
}

export class PaperSuggestModal extends FuzzySuggestModal<PaperEntry> {
  private papers: readonly PaperEntry[];
  private noted = new Set<string>();

  constructor(
    app: App,
    private readonly options: PaperSuggestOptions,
  ) {
    super(app);
    this.papers = options.current?.entries ?? [];
    this.setPlaceholder(options.placeholder);
    this.limit = 50;
    this.emptyStateText = options.current ? 'No paper matches.' : 'Loading library…';
  }

  override onOpen(): void {
    void super.onOpen();
    void this.options.noted().then((keys) => {
      this.noted = keys;
      this.refresh();
    }, () => undefined);
    if (this.options.current) return;
    this.options.load().then(
      (library) => {
        this.papers = library.entries;
        this.emptyStateText = 'No paper matches.';
        this.refresh();
      },
      (err: unknown) => {
        this.emptyStateText = `The library could not be loaded: ${errorMessage(err)}`;
        this.refresh();
      },
    );
  }

  getItems(): PaperEntry[] {
    return this.papers as PaperEntry[];
  }

  getItemText(paper: PaperEntry): string {
    return paperSearchText(paper);
  }

  override renderSuggestion(match: FuzzyMatch<PaperEntry>, el: HTMLElement): void {
    const paper = match.item;
    el.addClass('zotero-concept-notes-suggestion');
    const title = el.createDiv({ cls: 'zotero-concept-notes-suggestion-title', text: paper.title || paper.citekey });
    if (this.noted.has(paper.citekey)) title.createSpan({ cls: 'zotero-concept-notes-has-note', text: ' · has a note' });
    const authors = paper.authors === '' ? [] : paper.authors.split('; ');
    const details = [authors.slice(0, 3).join(', ') + (authors.length > 3 ? ' et al.' : ''), paper.year ?? '', paper.venue ?? '', `@${paper.citekey}`];
    el.createEl('small', { text: details.filter((d) => d !== '').join(' · ') });
  }

  onChooseItem(paper: PaperEntry): void {
    this.options.onChoose(paper);
  }

  /** Re-run the search with the current query (Obsidian re-renders on an input event). */
  private refresh(): void {
    this.inputEl.dispatchEvent(new Event('input'));
  }
}
