import { isRecord } from "./http-io";

// The checks kie.ai makes on a createTask body, with messages in its style. Prompt length is
// counted in UTF-16 code units, as a Java backend counts it.

export const maxPromptLength = 1500;

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

const modelRules: Record<string, Rule[]> = {
  "hailuo/02-text-to-video-pro": [
    optionalBoolean("prompt_optimizer"),
    optionalBoolean("nsfw_checker"),
  ],
  "hailuo/02-text-to-video-standard": [
    optionalBoolean("prompt_optimizer"),
    optionalOneOf("duration", ["6", "10"]),
  ],
  "hailuo/02-image-to-video-pro": [
    optionalBoolean("prompt_optimizer"),
    requiredUrl("image_url"),
    optionalUrl("end_image_url"),
  ],
  "hailuo/02-image-to-video-standard": [
    optionalBoolean("prompt_optimizer"),
    requiredUrl("image_url"),
    optionalUrl("end_image_url"),
    optionalOneOf("duration", ["6", "10"]),
    optionalOneOf("resolution", ["512P", "768P"]),
  ],
};

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
  const rules = modelRules[model];
  if (!rules) return { ok: false, msg: `model ${model} is not supported` };
  if (!isRecord(input)) return { ok: false, msg: "input is required" };
  const prompt = input.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") {
    return { ok: false, msg: "input.prompt is required" };
  }
  if (prompt.length > maxPromptLength) {
    return { ok: false, msg: `input.prompt must be at most ${maxPromptLength} characters` };
  }
  for (const problem of [...rules.map((rule) => rule(input)), checkCallBackUrl(callBackUrl)]) {
    if (problem) return { ok: false, msg: problem };
  }
  const url = typeof callBackUrl === "string" && callBackUrl !== "" ? callBackUrl : null;
  return { ok: true, value: { model, prompt, callBackUrl: url } };
}
