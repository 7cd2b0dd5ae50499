export { PartnersModule } from './partners.module.js';
export { PartnerPost, PartnerInterest, partnersEntities, POST_DIRECTIONS, POST_KINDS, POST_STATES, INTEREST_STATES, type PostDirection, type PostKind, type PostState, type InterestState } from './posts/partner-post.entity.js';
export { PartnerPostsService, type PartnerPostContent, type PartnerPostFilter } from './posts/partner-posts.service.js';
export { PartnerInterestsService, sharesContact } from './interests/partner-interests.service.js';
export { PartnerSuggestionsService, type Suggestions, type PostSuggestion, type ChallengeSuggestion } from './suggestions/partner-suggestions.service.js';
export { scoreSuggestion, type SuggestionReason, type SuggestionScore } from './suggestions/suggestion-score.js';
export { PartnerPostRecords, PartnerInterestRecords } from './access/partner-access.js';
