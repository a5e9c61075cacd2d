/**
 * The citation suggester: typing one of the trigger settings (`[@`, `@@`) in a note opens the library search at the
 * cursor; `[@attention, p. 5` searches "attention" with the locator "p. 5"; choosing a paper replaces what was typed
 * with the citation template, the bracket Obsidian closed by itself included. `onTrigger` runs on every keystroke,
 * so it only looks at the text before the cursor; the search uses the core's prepared index of the loaded library.
 */
import { EditorSuggest, type App, type Editor, type EditorPosition, type EditorSuggestContext, type EditorSuggestTriggerInfo } from 'obsidian';
import { citationRange, findCitationTrigger, splitCitationQuery } from '../../core/citations';
import { paperSearchIndex, type PaperEntry, type PaperMatch } from '../../core/library';
import { renderPaperSuggestion, PAPER_SUGGESTION_LIMIT } from '../commands/paper-suggest-modal';
import { attempt } from '../plugin/attempt';
import type { PluginController } from '../plugin/plugin-controller';

type EntryMatch = PaperMatch<PaperEntry>;

export class CitationSuggest extends EditorSuggest<EntryMatch> {
  /** The locator typed with the current query. */
  private locator: string | null = null;
  private noted = new Set<string>();
  /** The settings the citation template was last compiled for (compiled again only when they change). */
  private warmedFor: object | null = null;

  constructor(
    app: App,
    private readonly controller: PluginController,
  ) {
    super(app);
    this.limit = PAPER_SUGGESTION_LIMIT;
    this.setInstructions([
      { command: ', p. 33', purpose: 'after the search: a locator' },
      { command: '↵', purpose: 'insert the citation' },
      { command: 'esc', purpose: 'keep what you typed' },
    ]);
  }

  onTrigger(cursor: EditorPosition, editor: Editor): EditorSuggestTriggerInfo | null {
    const triggers = this.controller.settings.settings.citationTriggers;
    if (triggers.length === 0) return null;
    const found = findCitationTrigger(editor.getLine(cursor.line).slice(0, cursor.ch), triggers);
    return found ? { start: { line: cursor.line, ch: found.start }, end: cursor, query: found.query } : null;
  }

  getSuggestions(context: EditorSuggestContext): EntryMatch[] | Promise<EntryMatch[]> {
    const { search, locator } = splitCitationQuery(context.query);
    this.locator = locator;
    const { services, settings } = this.controller;
    // Ready by the time a paper is chosen: the template compiled, the papers with a note known (both cached).
    if (this.warmedFor !== settings.settings) {
      this.warmedFor = settings.settings;
      services.citationRenderer(this.controller.context()).catch(() => undefined);
    }
    services.notedCitekeys().then((keys) => (this.noted = keys), () => undefined);
    const library = this.controller.library.current;
    if (library) {
      // The whole paper is read when it is chosen: have the library worker hold the papers meanwhile.
      this.controller.library.keepPapers();
      return paperSearchIndex(library.entries).search(search, this.limit);
    }
    if (!this.controller.exportsSet()) return [];
    return this.controller.loadLibrary().then(
      (loaded) => paperSearchIndex(loaded.entries).search(search, this.limit),
      () => [],
    );
  }

  renderSuggestion(match: EntryMatch, el: HTMLElement): void {
    renderPaperSuggestion(el, match.item, this.noted.has(match.item.citekey));
  }

  selectSuggestion(match: EntryMatch): void {
    const context = this.context;
    const locator = this.locator;
    this.close();
    if (context) void attempt(this.controller.notices, 'Insert citation', () => this.insert(context, match.item, locator));
  }

  /** Replace the trigger and the query with the citation, if they are still where they were; the cursor after it. */
  private async insert(context: EditorSuggestContext, entry: PaperEntry, locator: string | null): Promise<void> {
    const [renderer, paper] = await Promise.all([this.controller.services.citationRenderer(this.controller.context()), this.controller.paper(entry.citekey)]);
    const { editor, start, end } = context;
    const cursor = editor.getCursor();
    if (cursor.line !== end.line || cursor.ch !== end.ch) return; // the user typed on or moved meanwhile
    const line = editor.getLine(start.line);
    const found = findCitationTrigger(line.slice(0, end.ch), this.controller.settings.settings.citationTriggers);
    if (!found || found.start !== start.ch || found.query !== context.query) return;
    const citation = renderer.render(paper, locator);
    const range = citationRange(line, found, end.ch, citation);
    editor.replaceRange(citation, { line: start.line, ch: range.from }, { line: start.line, ch: range.to });
    editor.setCursor({ line: start.line, ch: range.from + citation.length });
  }
}
