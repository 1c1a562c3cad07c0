import { speakerKey } from './src/corpus/measure.ts';
console.log(
  JSON.stringify(speakerKey('les autorités maliennes')),
  JSON.stringify(speakerKey('Autorités maliennes')),
);
