// Stable error codes the API answers with. The web client translates them by code;
// the English `message` in a response is for developers and logs.
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'setup_required',
  'already_set_up',
  'invalid_setup_token',
  'invalid_credentials',
  'invalid_token',
  'email_taken',
  'last_admin',
  'cannot_change_self',
  'wrong_password',
  'weak_password',
  'poll_closed',
  'slug_taken',
  'last_owner',
  'retention_running',
  'hold_released',
  'sso_required',
  'sso_not_configured',
  'sso_test_required',
  'space_not_external',
  'space_has_guests',
  'export_pending',
  'already_reported',
  'analytics_individual_off',
  'analyst_not_eligible',
  'cohort_name_taken',
  'care_channel_disabled',
  'care_signature_invalid',
  'care_origin_refused',
  'care_not_agent',
  // care: inbox
  'care_assignee_not_agent',
  // care: feeds
  'care_connector_unknown',
  // care: channels
  'care_channel_in_use',
  // ideas
  'campaign_closed',
  // ambassadors
  'communication_manager_not_eligible',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "email" or "items.0.name". */
  field: string;
  /** Machine-readable reason, e.g. "too_small", "invalid_format". */
  reason: string;
  message: string;
  /** Values the translated text shows (e.g. the words a content rule refused). */
  params?: Record<string, string>;
}
