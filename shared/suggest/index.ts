/** The claim extractor (issue 13): see suggest.ts. */
export { suggestClaims } from './suggest';
export type {
  KnownEntity,
  Span,
  SpeakerType,
  SuggestedKind,
  SuggestOptions,
  Suggestion,
} from './types';
