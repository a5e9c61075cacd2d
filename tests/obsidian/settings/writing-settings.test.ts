/** The settings of issue 11 (concept policy) and of citing while writing, in both renderings of the tab. */
import { SliderComponent, TextComponent, ToggleComponent, type SettingsRenderer } from '../../__mocks__/obsidian';
import { TYPING_SAVE_DELAY_MS } from '../../../src/obsidian/settings/settings-saver';
import { usePluginTestEnvironment } from '../plugin-harness';
import { openTabWith } from './settings-harness';

usePluginTestEnvironment();

describe.each<SettingsRenderer>(['1.13', 'legacy'])('concept policy and writing settings (%s rendering)', (renderer) => {
  it('stores the share above which a concept is suggested for switching off, and the concept section of adopted notes', async () => {
    const { row, settings } = await openTabWith(renderer);
    const share = row('Suggest switching off above').control(SliderComponent);
    expect(share.getValue()).toBe(50);
    await share.simulateChange(35);
    expect(settings().ubiquitousConceptShare).toBe(0.35);
    expect(row('Concept section in your own notes').control(ToggleComponent).getValue()).toBe(false);
    await row('Concept section in your own notes').control(ToggleComponent).simulateChange(true);
    expect(settings().adoptedConceptSections).toBe(true);
  });

  it('previews the citation template on a sample paper with a locator, and keeps the old one when the new one fails', async () => {
    const { row, type, settings } = await openTabWith(renderer);
    const template = row('Citation template');
    await jest.advanceTimersByTimeAsync(0);
    expect(template.desc).toContain('Preview: [@vaswaniAttentionAllYou2017, p. 33]');
    await template.control(TextComponent).simulateChange('@{{citekey}}');
    await jest.advanceTimersByTimeAsync(0);
    expect(template.desc).toContain('Preview: @vaswaniAttentionAllYou2017 [p. 33]');
    await jest.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS);
    expect(settings().citationTemplate).toBe('@{{citekey}}');

    await type('Citation template', '[@{{citkey}}]');
    expect(template.desc).toContain('Citation template, line 1: "citkey" is not a template variable');
    expect(settings().citationTemplate).toBe('@{{citekey}}');
  });

  it('stores the suggester\'s triggers, says when it is off, and turns "Cited in" off', async () => {
    const { row, type, settings } = await openTabWith(renderer);
    expect(row('Citation suggester').control(TextComponent).getValue()).toBe('[@ @@');
    await type('Citation suggester', '[@  cite: [@');
    expect(settings().citationTriggers).toEqual(['[@', 'cite:']);
    await type('Citation suggester', '  ');
    expect(settings().citationTriggers).toEqual([]);
    expect(row('Citation suggester').desc).toContain('Off: typing opens no search.');

    await row('"Cited in" in literature notes').control(ToggleComponent).simulateChange(false);
    expect(settings().citedInSections).toBe(false);
  });
});
