/**
 * Why a field was refused, as a stable code that a client words in its own language (the
 * `message` beside it is English, for developers). First the validation rules by their own
 * names (class-validator's), then Samverka's own; `invalid` when nothing more specific fits.
 */
export const FIELD_ERROR_CODES = [
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isEmail',
  'isUrl',
  'isIn',
  'isUuid',
  'isIso8601',
  'isArray',
  'isObject',
  'isLanguageCode',
  'min',
  'max',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'matches',
  'oneLine',
  'controlCharacters',
  'nestedValidation',
  'whitelistValidation',
  'tooDeep',
  'required',
  'requiredToSubmit',
  'beforeStart',
  'inThePast',
  'commonPassword',
  'passwordContainsEmail',
  'invalid',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const isFieldErrorCode = (code: string): code is FieldErrorCode => (FIELD_ERROR_CODES as readonly string[]).includes(code);
