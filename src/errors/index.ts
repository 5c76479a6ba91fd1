export { FerryError, isFerryError, type ErrorMeta } from './ferry-error.js';
export { registerSecrets, scrubSecrets, urlSecrets, SECRET_MASK } from './secrets.js';
export { ERROR_CODES, isErrorCode, type ErrorCode } from './codes.js';
export { editDistance, typoDistance, rankNames, didYouMean } from './did-you-mean.js';
