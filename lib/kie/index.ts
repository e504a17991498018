export {
  MAX_CALLBACK_BYTES,
  type ParseCallbackResult,
  type ParsedCallback,
  parseCallbackBody,
  type SignatureCheck,
  signCallback,
  verifyCallbackSignature,
} from "./callback";
export {
  type CreateTaskInput,
  createKieClient,
  type KieClient,
  type KieClientOptions,
  type KieLimitedCall,
  type KieTaskRecord,
  type KieTaskState,
} from "./client";
export {
  isRecordNotReady,
  type KieError,
  type KieErrorKind,
  type KieResult,
  mayHaveBeenProcessed,
} from "./errors";
export {
  checkPrompt,
  countPromptChars,
  LONGEST_PROMPT,
  type PromptCheck,
  type PromptProblem,
} from "./prompt";
export { KIE_TASK_STATES } from "./schemas";
