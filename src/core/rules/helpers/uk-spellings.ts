/**
 * US spellings and their UK forms, lower case, whole words only. Built from families so each
 * spelling's inflections are listed once. Words with a UK meaning of their own are left out on
 * purpose: `license` (the UK verb), `judgment` (both are UK usage), `meter` (the device),
 * `analog`, `check`, `tire`, `gray` (a surname too), and the `-or` words whose UK derivatives drop the `u`
 * (`humorous`, `laborious`, `vigorous`, `honorary` are not listed).
 */

/** Stems of `-ize` verbs (`organ` + `ize`): UK `-ise`, with their nouns and agent nouns. */
const IZE_STEMS = [
  'apolog', 'author', 'capital', 'categor', 'central', 'character', 'critic', 'custom', 'decentral', 'digit',
  'emphas', 'familiar', 'final', 'formal', 'global', 'harmon', 'hospital', 'incentiv', 'item', 'jeopard', 'legal',
  'local', 'maxim', 'memor', 'minim', 'mobil', 'modern', 'monet', 'normal', 'optim', 'organ', 'penal',
  'personal', 'priorit', 'public', 'real', 'recogn', 'revolution', 'scrutin', 'social', 'special', 'stabil',
  'standard', 'subsid', 'summar', 'sympath', 'synchron', 'theor', 'util', 'visual',
];
const IZE_ENDINGS = ['ize', 'izes', 'ized', 'izing', 'izer', 'izers', 'ization', 'izations', 'izational', 'izable'];

/** Stems of `-yze` verbs (`anal` + `yze`): UK `-yse`. */
const YZE_STEMS = ['anal', 'catal', 'paral'];
const YZE_ENDINGS = ['yze', 'yzes', 'yzed', 'yzing', 'yzer', 'yzers'];

/** `-or` words (UK `-our`) with the endings that keep the `u` in UK spelling. */
const OR_WORDS: Record<string, string[]> = {
  armor: ['', 'ed'],
  behavior: ['', 's', 'al', 'ally'],
  candor: [''],
  clamor: [''],
  color: ['', 's', 'ed', 'ing', 'ful', 'fully', 'less'],
  endeavor: ['', 's', 'ed', 'ing'],
  favor: ['', 's', 'ed', 'ing', 'ite', 'ites', 'itism', 'able', 'ably'],
  flavor: ['', 's', 'ed', 'ing', 'ful', 'less'],
  harbor: ['', 's', 'ed', 'ing'],
  honor: ['', 's', 'ed', 'ing', 'able', 'ably'],
  humor: ['', 's', 'ed', 'ing'],
  labor: ['', 's', 'ed', 'ing', 'er', 'ers'],
  neighbor: ['', 's', 'ing', 'hood', 'hoods', 'ly'],
  odor: ['', 's', 'less'],
  parlor: ['', 's'],
  rigor: [''],
  rumor: ['', 's', 'ed'],
  savior: ['', 's'],
  splendor: [''],
  tumor: ['', 's'],
  valor: [''],
  vapor: ['', 's'],
  vigor: [''],
};

/** Everything else, US → UK. */
const SINGLE: Record<string, string> = {
  // -er → -re
  caliber: 'calibre',
  center: 'centre',
  centers: 'centres',
  centered: 'centred',
  centering: 'centring',
  centerpiece: 'centrepiece',
  centimeter: 'centimetre',
  centimeters: 'centimetres',
  fiber: 'fibre',
  fibers: 'fibres',
  kilometer: 'kilometre',
  kilometers: 'kilometres',
  liter: 'litre',
  liters: 'litres',
  meager: 'meagre',
  millimeter: 'millimetre',
  millimeters: 'millimetres',
  somber: 'sombre',
  theater: 'theatre',
  theaters: 'theatres',
  // -ense → -ence
  defense: 'defence',
  defenses: 'defences',
  offense: 'offence',
  offenses: 'offences',
  pretense: 'pretence',
  // -og → -ogue
  catalog: 'catalogue',
  catalogs: 'catalogues',
  cataloged: 'catalogued',
  cataloging: 'cataloguing',
  dialog: 'dialogue',
  dialogs: 'dialogues',
  // -gram → -gramme
  program: 'programme',
  programs: 'programmes',
  // a doubled l before -ed, -ing, -er
  canceled: 'cancelled',
  canceling: 'cancelling',
  channeled: 'channelled',
  channeling: 'channelling',
  counseled: 'counselled',
  counseling: 'counselling',
  counselor: 'counsellor',
  counselors: 'counsellors',
  dialed: 'dialled',
  dialing: 'dialling',
  equaled: 'equalled',
  equaling: 'equalling',
  fueled: 'fuelled',
  fueling: 'fuelling',
  jewelry: 'jewellery',
  labeled: 'labelled',
  labeling: 'labelling',
  leveled: 'levelled',
  leveling: 'levelling',
  marvelous: 'marvellous',
  modeled: 'modelled',
  modeler: 'modeller',
  modelers: 'modellers',
  modeling: 'modelling',
  signaled: 'signalled',
  signaling: 'signalling',
  totaled: 'totalled',
  totaling: 'totalling',
  traveled: 'travelled',
  traveler: 'traveller',
  travelers: 'travellers',
  traveling: 'travelling',
  // a single l
  enroll: 'enrol',
  enrolls: 'enrols',
  enrollment: 'enrolment',
  enrollments: 'enrolments',
  fulfill: 'fulfil',
  fulfills: 'fulfils',
  fulfillment: 'fulfilment',
  installment: 'instalment',
  installments: 'instalments',
  skillful: 'skilful',
  skillfully: 'skilfully',
  willful: 'wilful',
  // others
  aging: 'ageing',
  anesthetic: 'anaesthetic',
  cozy: 'cosy',
  maneuver: 'manoeuvre',
  maneuvers: 'manoeuvres',
  orthopedic: 'orthopaedic',
  pediatric: 'paediatric',
  pediatrics: 'paediatrics',
  practiced: 'practised',
  practicing: 'practising',
  skeptic: 'sceptic',
  skeptical: 'sceptical',
  skepticism: 'scepticism',
};

function buildSpellings(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const stem of IZE_STEMS) {
    for (const ending of IZE_ENDINGS) map.set(stem + ending, stem + ending.replace('z', 's'));
  }
  for (const stem of YZE_STEMS) {
    for (const ending of YZE_ENDINGS) map.set(stem + ending, stem + ending.replace('z', 's'));
  }
  for (const [word, endings] of Object.entries(OR_WORDS)) {
    const uk = `${word.slice(0, -2)}our`;
    for (const ending of endings) map.set(word + ending, uk + ending);
  }
  for (const [us, uk] of Object.entries(SINGLE)) map.set(us, uk);
  return map;
}

/** US spelling (lower case) → UK spelling (lower case). */
export const UK_SPELLINGS: ReadonlyMap<string, string> = buildSpellings();

/** The UK form of a word with the word's own capitalisation (`Color` → `Colour`, `COLOR` → `COLOUR`), or undefined. */
export function ukSpelling(word: string): string | undefined {
  const uk = UK_SPELLINGS.get(word.toLowerCase());
  if (uk === undefined) return undefined;
  if (word === word.toLowerCase()) return uk;
  if (word.length > 1 && word === word.toUpperCase()) return uk.toUpperCase();
  if (word[0] === word[0]!.toUpperCase() && word.slice(1) === word.slice(1).toLowerCase()) return uk[0]!.toUpperCase() + uk.slice(1);
  return undefined;
}
