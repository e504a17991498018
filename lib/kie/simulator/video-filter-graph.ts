import type { TaskOutput } from "./task-output";

// The ffmpeg filter graph of a simulated video: a flat background with the prompt, a label and
// the camera moves, a test-pattern strip and a progress bar; for an image-to-video task, the start
// image fills the first second and an end image the last, whole and untouched by text, so a
// client can check its image arrived by comparing frames.

export const fps = 25;
/** How long a start or end image is shown on its own. */
export const imageSeconds = 1;
// Enough to tell four takes of a press apart; the same few renders serve a prompt made again.
export const SEED_BACKGROUNDS = ["0x0f172a", "0x1e1b4b", "0x052e16", "0x3b0764"] as const;

/** Type is laid out for a frame 360 units on its short side, then scaled to the real one. */
function units(output: TaskOutput) {
  const k = Math.min(output.width, output.height) / 360;
  return { k, width: output.width / k };
}

/** How many characters fit on a line of the prompt, the label and the camera line. */
export function textColumns(output: TaskOutput) {
  const { width } = units(output);
  return {
    // 52 across a 16:9 frame, as always; narrower frames wrap sooner.
    prompt: Math.max(16, Math.round((52 * width) / 640)),
    label: Math.floor((width - 40) / 7),
    camera: Math.floor((width - 40) / 7.5),
  };
}

/** Inputs the graph reads as [0:v] and [1:v]: the start image, then the end image. */
export function imageInputs(output: TaskOutput): string[] {
  const images = output.images;
  if (!images) return [];
  return images.end ? [images.start.path, images.end.path] : [images.start.path];
}

/** An image scaled to cover the frame, cropped to it, held for imageSeconds. */
function stillImage(input: number, output: TaskOutput, name: string): string {
  const { width, height } = output;
  const frames = imageSeconds * fps;
  return (
    `[${input}:v]scale=${width}:${height}:force_original_aspect_ratio=increase,` +
    `crop=${width}:${height},setsar=1,format=yuv420p,` +
    `loop=loop=${frames - 1}:size=1:start=0,setpts=N/${fps}/TB[${name}]`
  );
}

export function filterGraph(params: {
  font: string | null;
  seed: number;
  output: TaskOutput;
  /** Lines the camera text wraps to; it grows upwards from the progress bar. */
  cameraLines: number;
}): string {
  const { output, seed } = params;
  const { width, height, seconds } = output;
  const intro = output.images ? imageSeconds : 0;
  const outro = output.images?.end ? imageSeconds : 0;
  const drawn = seconds - intro - outro;
  const { k } = units(output);
  const px = (n: number) => Math.round(n * k);
  const fontOption = params.font ? `fontfile=${params.font}:` : "";
  const text = (file: string, style: string) =>
    `drawtext=${fontOption}textfile=${file}:expansion=none:${style}`;
  const background = SEED_BACKGROUNDS[(seed - 1) % SEED_BACKGROUNDS.length];
  const strip = px(20);
  const cameraY = px(54) + (params.cameraLines - 1) * px(21);
  const images = output.images;
  // Without images the drawn frames are the whole video.
  const drawnSink = images ? "[drawn]" : "[out]";
  const graph = [
    `color=c=${background}:s=${width}x${height}:r=${fps}:d=${drawn}[bg]`,
    `testsrc2=s=${width}x${strip}:r=${fps}:d=${drawn}[strip]`,
    `color=c=0x38bdf8:s=${width}x${px(4)}:r=${fps}:d=${drawn}[bar]`,
    `[bg][strip]overlay=x=0:y=H-${strip}[a]`,
    // The bar measures the whole video, image seconds included.
    `[a][bar]overlay=x='-W+W*(t+${intro})/${seconds}':y=H-${strip + px(4)}:eval=frame[b]`,
    `[b]${text("label.txt", `fontsize=${px(14)}:fontcolor=0x94a3b8:line_spacing=${px(6)}:x=${px(20)}:y=${px(16)}`)},${text(
      "prompt.txt",
      `fontsize=${px(22)}:fontcolor=white:line_spacing=${px(8)}:x=(w-text_w)/2:y=(h-text_h)/2`,
    )},${text("camera.txt", `fontsize=${px(15)}:fontcolor=0x7dd3fc:line_spacing=${px(6)}:x=${px(20)}:y=H-${cameraY}`)},format=yuv420p,setsar=1${drawnSink}`,
  ];
  if (!images) return graph.join(";");
  const parts = ["[intro]", "[drawn]", ...(images.end ? ["[outro]"] : [])];
  return [
    ...graph,
    stillImage(0, output, "intro"),
    ...(images.end ? [stillImage(1, output, "outro")] : []),
    `${parts.join("")}concat=n=${parts.length}:v=1:a=0[out]`,
  ].join(";");
}
