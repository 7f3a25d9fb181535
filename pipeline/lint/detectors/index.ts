// The registry of detectors: a rule file names its detector (`detector: pii-phone`), and a detector
// without a rule file never runs — metadata and examples live with the data.
import { benchmarkDisplay, missingRiskWarning, pastPerformance } from './asset.ts';
import { piiAddress, piiEmail, piiPassport, piiPlate } from './pii-contact.ts';
import { piiCard, piiId, piiPhone } from './pii-numbers.ts';
import { piiPerson } from './pii-person.ts';
import { claimModel } from './model.ts';
import type { Detector } from './types.ts';

export const DETECTORS: ReadonlyMap<string, Detector> = new Map(
  [piiId, piiPhone, piiCard, piiPerson, piiPlate, piiPassport, piiEmail, piiAddress, missingRiskWarning, benchmarkDisplay, pastPerformance, claimModel].map((d) => [d.id, d]),
);

/**
 * the detector sources, part of the rule-set version — with the evasion pass and its data, which
 * decide what the detectors and word rules see
 */
export const DETECTOR_SOURCES = ['asset.ts', 'pii-contact.ts', 'pii-numbers.ts', 'pii-person.ts', 'numbers.ts', 'types.ts', 'index.ts', 'model.ts', '../claims/model.ts', '../claims/model.json', '../evasion.ts', '../confusables.yaml', '../ranges.ts'].map(
  (f) => new URL(f.startsWith('../') ? f : `./${f}`, import.meta.url),
);
