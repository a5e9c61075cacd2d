import { autoSyncOnDevice, legacyAutoSyncChoice, storedChoice } from '../../../src/core/settings';

describe('automatic sync on this device', () => {
  it('follows the choice made on this device, whatever the device', () => {
    expect(autoSyncOnDevice(true, { mobile: true, exportReachable: false })).toBe(true);
    expect(autoSyncOnDevice(false, { mobile: false, exportReachable: true })).toBe(false);
  });

  it('is on by default only on a desktop that can see the export', () => {
    expect(autoSyncOnDevice(null, { mobile: false, exportReachable: true })).toBe(true);
    expect(autoSyncOnDevice(null, { mobile: false, exportReachable: false })).toBe(false);
    expect(autoSyncOnDevice(null, { mobile: true, exportReachable: true })).toBe(false);
  });

  it('reads back only booleans from local storage', () => {
    expect([true, false, null, undefined, 'true', 1].map(storedChoice)).toEqual([true, false, null, null, null, null]);
  });
});

describe('the automatic sync switch of settings version 1 (data.json)', () => {
  it('carries "off" over to each device, as a choice', () => {
    expect(legacyAutoSyncChoice({ autoSync: false })).toBe(false);
    expect(legacyAutoSyncChoice({ version: 1, autoSync: false })).toBe(false);
  });

  it('leaves "on" (the old default) and anything newer to the device rule', () => {
    expect(legacyAutoSyncChoice({ version: 1, autoSync: true })).toBeNull();
    expect(legacyAutoSyncChoice({ version: 2, autoSync: false })).toBeNull(); // not written by version 2: not the user's
    expect([null, undefined, [], 'x', { version: 1 }].map(legacyAutoSyncChoice)).toEqual([null, null, null, null, null]);
  });
});
