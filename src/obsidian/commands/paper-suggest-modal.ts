/**
 * The library search of "Import paper", "Insert paper summary", "Insert citation" and "Insert link to literature
 * note": the core's prepared search index (title, authors, year, citekey, venue; Chinese too), papers that have a note
 * marked. Opens at once: while the first load of the library runs, it says "Loading library…" and fills itself when
 * the load ends. For a citation, what is typed after a comma is the locator (`attention, p. 5`). It searches the
 * library's compact entries; the chosen paper is read whole only by what is done with it.
 */
import { SuggestModal, type App } from 'obsidian';
import { splitCitationQuery } from '../../core/citations';
import { paperSearchIndex, type LoadedLibrary, type PaperEntry, type PaperMatch } from '../../core/library';
import { errorMessage } from '../../core/text';
import type { PluginController } from '../plugin/plugin-controller';

/** Suggestions shown at once: enough to scroll, few enough to draw at every keystroke. */
export const PAPER_SUGGESTION_LIMIT = 50;

export interface PaperSuggestOptions {
  /** The library now, if loaded. */
  current: LoadedLibrary | null;
  /** Resolves with the library once loaded (used when `current` is null). */
  load(): Promise<LoadedLibrary>;
  /** Citekeys that have a note already. */
  noted(): Promise<Set<string>>;
  placeholder: string;
  /** Read a locator after a comma in the query (citations). */
  locator?: boolean;
  onChoose(paper: PaperEntry, locator: string | null): void;
}

/** A paper as a suggestion: its title (and whether it has a note), then authors, year, venue and citekey. */
export function renderPaperSuggestion(el: HTMLElement, paper: PaperEntry, hasNote: boolean): void {
  el.addClass('zotero-concept-notes-suggestion');
  const title = el.createDiv({ cls: 'zotero-concept-notes-suggestion-title', text: paper.title || paper.citekey });
  if (hasNote) title.createSpan({ cls: 'zotero-concept-notes-has-note', text: ' · has a note' });
  const authors = paper.authors === '' ? [] : paper.authors.split('; ');
  const details = [authors.slice(0, 3).join(', ') + (authors.length > 3 ? ' et al.' : ''), paper.year ?? '', paper.venue ?? '', `@${paper.citekey}`];
  el.createEl('small', { text: details.filter((d) => d !== '').join(' · ') });
}

export class PaperSuggestModal extends SuggestModal<PaperMatch<PaperEntry>> {
  private papers: readonly PaperEntry[];
  private noted = new Set<string>();
  /** The locator typed with the last query. */
  private locator: string | null = null;

  constructor(
    app: App,
    private readonly options: PaperSuggestOptions,
  ) {
    super(app);
    this.papers = options.current?.entries ?? [];
    this.setPlaceholder(options.placeholder);
    this.limit = PAPER_SUGGESTION_LIMIT;
    this.emptyStateText = options.current ? 'No paper matches.' : 'Loading library…';
    if (options.locator) {
      this.setInstructions([
        { command: ', p. 33', purpose: 'after the search: a locator' },
        { command: '↵', purpose: 'insert the citation' },
      ]);
    }
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

  getSuggestions(query: string): PaperMatch<PaperEntry>[] {
    const { search, locator } = this.options.locator ? splitCitationQuery(query) : { search: query, locator: null };
    this.locator = locator;
    return paperSearchIndex(this.papers).search(search, this.limit);
  }

  renderSuggestion(match: PaperMatch<PaperEntry>, el: HTMLElement): void {
    renderPaperSuggestion(el, match.item, this.noted.has(match.item.citekey));
  }

  onChooseSuggestion(match: PaperMatch<PaperEntry>): void {
    this.options.onChoose(match.item, this.locator);
  }

  /** Re-run the search with the current query (Obsidian re-renders on an input event). */
  private refresh(): void {
    this.inputEl.dispatchEvent(new Event('input'));
  }
}

/** Open the library search over the controller's library (loading it if needed), papers with a note marked. */
export function openPaperSearch(controller: PluginController, options: Pick<PaperSuggestOptions, 'placeholder' | 'locator' | 'onChoose'>): void {
  new PaperSuggestModal(controller.app, {
    current: controller.library.current,
    load: () => controller.loadLibrary(),
    noted: () => controller.services.notedCitekeys(),
    ...options,
  }).open();
}
