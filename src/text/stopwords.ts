/**
 * English function words that carry no topic. Question words are kept out of this list on
 * purpose where they signal an answer type (the query parser reads them before removal).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
  here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
  out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the
  their theirs them themselves then there there's these they they'd they'll they're they've this those
  through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when
  when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll
  you're you've your yours yourself yourselves also just will shall may might must s t d ll re ve m
  whose whether yet upon via per within without among amid tell told say said says please show give
  get know find me many much non happen happened happens us`
    .split(/\s+/)
    .filter(Boolean),
);
