/**
 * applyConceptPlan: write a plan through `vault.process`. Each note is re-checked inside the atomic callback: when its
 * text is no longer the one planned from (the user typed meanwhile), the links and section are recomputed from the
 * current text, so no edit made after planning is ever lost.
 */
import type { VaultPort } from '../vault/vault-port';
import { normalizeVaultPath } from '../vault/vault-path';
import { writeConceptSection } from './concept-section';
import { linkText } from './link-text';
import type { ConceptApplyOptions, ConceptApplyResult, ConceptLinkPlan, PlannedNoteEdit } from './plan-types';
import { errorMessage } from '../text/error-message';

/** The edit recomputed from the note's current text. */
function recompute(current: string, edit: PlannedNoteEdit, plan: ConceptLinkPlan): { text: string; concepts: string[] } {
  const linked = linkText(current, plan.index, { sourcePath: edit.path, ...plan.linkOptions });
  let text = linked.text;
  if (edit.section !== null) {
    const written = writeConceptSection(text, edit.section);
    if ('text' in written) text = written.text;
  }
  return { text, concepts: linked.links.map((l) => l.concept) };
}

/** Apply a plan from planConceptLinks. Failures are reported per note; the other notes are still written. */
export async function applyConceptPlan(vault: VaultPort, plan: ConceptLinkPlan, options: ConceptApplyOptions = {}): Promise<ConceptApplyResult> {
  const skip = new Set((options.skipPaths ?? []).map((p) => normalizeVaultPath(p)));
  const result: ConceptApplyResult = { updated: [], links: {}, recomputed: [], skipped: [], failed: [] };
  let done = 0;
  for (const edit of plan.edits) {
    if (skip.has(edit.path)) {
      result.skipped.push(edit.path);
      plan.state.pending.add(edit.path);
    } else {
      let concepts = edit.links.map((l) => l.concept);
      let recomputed = false;
      let changed = false;
      try {
        await vault.process(edit.path, (current) => {
          let next = edit.after;
          if (current !== edit.before) {
            recomputed = true;
            const again = recompute(current, edit, plan);
            next = again.text;
            concepts = again.concepts;
          }
          changed = next !== current;
          return next;
        });
        if (recomputed) {
          result.recomputed.push(edit.path);
          // The state recorded the planned text: have the next run look at this note again.
          plan.state.pending.add(edit.path);
        }
        if (changed) result.updated.push(edit.path);
        if (changed && concepts.length > 0) result.links[edit.path] = concepts;
      } catch (err) {
        result.failed.push({ path: edit.path, message: errorMessage(err) });
        plan.state.pending.add(edit.path);
      }
    }
    await options.onProgress?.(++done, plan.edits.length);
  }
  return result;
}
