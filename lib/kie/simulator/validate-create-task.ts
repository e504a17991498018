import {
  DURATIONS,
  type Duration,
  type HailuoModel,
  isModelId,
  lengthFits,
  MODELS,
  RESOLUTIONS,
  type Resolution,
} from "../models";
import { isRecord } from "./http-io";

// The checks kie.ai makes on a createTask body, with messages in its style, for every model of
// the Hailuo family. Prompt length is counted in UTF-16 code units, as a Java backend counts it.

export interface CreateTaskInput {
  model: string;
  prompt: string;
  callBackUrl: string | null;
}

type Rule = (input: Record<string, unknown>) => string | null;

const optionalBoolean =
  (field: string): Rule =>
  (input) =>
    input[field] === undefined || typeof input[field] === "boolean"
      ? null
      : `input.${field} must be a boolean`;

const optionalOneOf =
  (field: string, allowed: string[]): Rule =>
  (input) =>
    input[field] === undefined || allowed.includes(String(input[field]))
      ? null
      : `input.${field} must be one of ${allowed.join(", ")}`;

const requiredUrl =
  (field: string): Rule =>
  (input) =>
    typeof input[field] === "string" && URL.canParse(input[field])
      ? null
      : `input.${field} is required and must be a URL`;

const optionalUrl =
  (field: string): Rule =>
  (input) =>
    input[field] === undefined ? null : requiredUrl(field)(input);

// kie.ai's own wording for its one cross-field rule.
const noTenSecondsAt1080p: (m: HailuoModel) => Rule = (m) => (input) => {
  const duration = String(input.duration ?? m.defaultDuration);
  const resolution = String(input.resolution ?? m.defaultResolution);
  return (DURATIONS as readonly string[]).includes(duration) &&
    (RESOLUTIONS as readonly string[]).includes(resolution) &&
    !lengthFits(duration as Duration, resolution as Resolution)
    ? "10 seconds videos are not supported for 1080p resolution"
    : null;
};

/** Each model's checks, from the same registry the studio reads (lib/kie/models.ts). */
function rulesOf(m: HailuoModel): Rule[] {
  return [
    ...(m.optimizer ? [optionalBoolean("prompt_optimizer")] : []),
    ...(m.contentFilter ? [optionalBoolean("nsfw_checker")] : []),
    ...(m.start === "image" ? [requiredUrl("image_url")] : []),
    ...(m.endImage ? [optionalUrl("end_image_url")] : []),
    ...(m.durations.length > 0 ? [optionalOneOf("duration", [...m.durations])] : []),
    ...(m.resolutions.length > 0 ? [optionalOneOf("resolution", [...m.resolutions])] : []),
    noTenSecondsAt1080p(m),
  ];
}

function checkCallBackUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || !URL.canParse(value)) return "callBackUrl must be a valid URL";
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:"
    ? null
    : "callBackUrl must use http or https";
}

export function validateCreateTask(
  body: unknown,
): { ok: true; value: CreateTaskInput } | { ok: false; msg: string } {
  if (!isRecord(body)) return { ok: false, msg: "Request body must be a JSON object" };
  const { model, input, callBackUrl } = body;
  if (typeof model !== "string" || model === "") return { ok: false, msg: "model is required" };
  if (!isModelId(model)) return { ok: false, msg: `model ${model} is not supported` };
  const spec = MODELS[model];
  const rules = rulesOf(spec);
  if (!isRecord(input)) return { ok: false, msg: "input is required" };
  const prompt = input.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") {
    return { ok: false, msg: "input.prompt is required" };
  }
  if (prompt.length > spec.promptMax) {
    return { ok: false, msg: `input.prompt must be at most ${spec.promptMax} characters` };
  }
  for (const problem of [...rules.map((rule) => rule(input)), checkCallBackUrl(callBackUrl)]) {
    if (problem) return { ok: false, msg: problem };
  }
  const url = typeof callBackUrl === "string" && callBackUrl !== "" ? callBackUrl : null;
  return { ok: true, value: { model, prompt, callBackUrl: url } };
}
