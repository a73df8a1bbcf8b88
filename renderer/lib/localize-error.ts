import type { i18n as I18n } from 'i18next';
import { formatHresult, type ApiErrorShape } from '../../electron/contract/model';

/** The language the host, the addon and the providers write their messages in. */
const SOURCE_LANGUAGE = 'en';

/** The wizard step where each request field is chosen, so a field at fault can be named as the user knows it. */
const STEP_OF_FIELD: Record<string, string> = {
  subsystemId: 'subsystem',
  type: 'type',
  driveIds: 'drives',
  sizeBytes: 'size',
  hints: 'options',
  unmaskingList: 'access',
  count: 'count',
};

interface ErrorText {
  message: string;
  action?: string;
}

/** An error's text in the UI language. `original` is the host's own wording when it says more than the
 * translated text (e.g. it names a drive), kept for support; absent when the translation says it all. */
export interface LocalizedError extends ErrorText {
  /** The request field at fault, shown on its own where the translated message cannot name it. */
  field?: string;
  /** That field's wizard step, e.g. "Größe" for sizeBytes or driveIds[2]. */
  fieldLabel?: string;
  original?: ErrorText;
}

function textOf(error: ApiErrorShape): ErrorText {
  return error.action === undefined
    ? { message: error.message }
    : { message: error.message, action: error.action };
}

/** The standard text of an error code in a language (errorCodes in renderer/i18n), or the unknown-code text. */
function standardText(i18n: I18n, error: ApiErrorShape, lng: string): ErrorText {
  const entry = i18n.getResource(lng, 'translation', `errorCodes.${error.code}`) as ErrorText | undefined;
  return entry ?? { message: i18n.t('error.unknown', { hresult: formatHresult(error.hresult), lng }) };
}

/** In English the host's message is shown as it came (it is the most specific). In any other language the
 * message and action are translated by error code, and the host's wording is kept as `original` when it
 * differs from the code's standard English text. */
export function localizeError(error: ApiErrorShape, i18n: I18n): LocalizedError {
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (language === SOURCE_LANGUAGE) return textOf(error);
  const out: LocalizedError = { ...standardText(i18n, error, language) };
  if (error.field !== undefined) {
    out.field = error.field;
    const step = STEP_OF_FIELD[error.field.split(/[.[]/)[0]!];
    if (step) out.fieldLabel = i18n.t(`wizard.steps.${step}`);
  }
  const standard = standardText(i18n, error, SOURCE_LANGUAGE);
  const saysMore =
    error.message !== standard.message || (error.action !== undefined && error.action !== standard.action);
  if (saysMore) out.original = textOf(error);
  return out;
}
