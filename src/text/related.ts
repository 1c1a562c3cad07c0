import { stem } from './stem.js';

/**
 * Words a news question often uses where the report uses another ("threat" / "fears",
 * "blame" / "cited"). Each entry lists plain English words; they are stemmed when loaded.
 * Expansions are searched with a lower weight than the words of the question themselves.
 */
const RELATED_WORDS: Record<string, string[]> = {
  threat: ['threaten', 'fear', 'danger', 'risk', 'menace', 'exposed'],
  danger: ['threat', 'risk', 'fear'],
  risk: ['threat', 'danger', 'fear', 'exposed'],
  face: ['exposed', 'confront', 'threaten'],
  blame: ['cite', 'accuse', 'fault', 'due', 'obstruction'],
  reason: ['cite', 'because', 'due', 'breakdown'],
  cause: ['cite', 'because', 'due', 'lead'],
  last: ['final'],
  final: ['last'],
  first: ['initial', 'initially'],
  withdraw: ['leave', 'pull', 'exit', 'pullout', 'depart'],
  announce: ['declare', 'unveil', 'statement'],
  operate: ['work', 'active', 'deploy', 'present'],
  leave: ['withdraw', 'exit', 'depart', 'pull'],
  exit: ['withdraw', 'leave', 'depart'],
  pullout: ['withdraw', 'leave', 'exit'],
  quit: ['withdraw', 'leave'],
  kill: ['die', 'dead', 'killed', 'toll'],
  die: ['kill', 'killed', 'death', 'toll'],
  casualty: ['kill', 'die', 'death'],
  soldier: ['troop', 'force'],
  troop: ['soldier', 'force'],
  army: ['military', 'troop', 'force'],
  military: ['army', 'troop'],
  fight: ['combat', 'battle'],
  mercenary: ['wagner', 'contractor'],
  coup: ['seize', 'junta', 'overthrow'],
  government: ['junta', 'authorities', 'regime'],
  junta: ['regime', 'government', 'authorities'],
  sign: ['issue', 'statement', 'join'],
  help: ['support', 'assist', 'aid'],
  host: ['hub', 'base'],
  station: ['base', 'deploy'],
  deploy: ['station', 'base'],
  say: ['state', 'tell', 'announce'],
  election: ['vote', 'poll'],
  begin: ['start', 'launch', 'commence'],
  start: ['begin', 'launch', 'commence'],
  end: ['finish', 'complete', 'conclude'],
};

/** Stemmed related terms, keyed by the stem of the question word. */
export const RELATED: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(RELATED_WORDS).map(([k, vs]) => [
    stem(k),
    [...new Set(vs.map((v) => stem(v)))].filter((v) => v !== stem(k)),
  ]),
);
