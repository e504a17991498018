import { describe, expect, it } from "vitest";
import {
  CAMERA_COMMANDS,
  cameraMoves,
  hasCameraCommand,
  insertCameraCommand,
} from "@/lib/kie/camera-commands";
import { cameraLine } from "@/lib/kie/simulator/render-video";

const at = (prompt: string, cursor = prompt.length) => ({ start: cursor, end: cursor });

describe("camera commands", () => {
  it("offers all fifteen of Hailuo 02's commands", () => {
    expect(CAMERA_COMMANDS).toHaveLength(15);
    expect(new Set(CAMERA_COMMANDS.map((c) => c.command)).size).toBe(15);
  });

  it("inserts a bracketed command at the cursor, spaced from the words around it", () => {
    expect(insertCameraCommand("a fox runs", at("a fox runs"), "Pan left")).toEqual({
      ok: true,
      text: "a fox runs [Pan left]",
      caret: 21,
    });
    const mid = insertCameraCommand("a fox runs", at("a fox runs", 5), "Zoom in");
    expect(mid).toEqual({ ok: true, text: "a fox [Zoom in] runs", caret: 15 });
    const replaced = insertCameraCommand("a fox runs", { start: 2, end: 5 }, "Shake");
    expect(replaced).toMatchObject({ ok: true, text: "a [Shake] runs" });
  });

  it("joins the bracket just before the cursor, up to three, and says why not a fourth", () => {
    let prompt = "the city at night [Pan left]";
    const second = insertCameraCommand(prompt, at(prompt), "Pedestal up");
    expect(second).toEqual({
      ok: true,
      text: "the city at night [Pan left,Pedestal up]",
      caret: 40,
    });
    prompt = "the city at night [Pan left,Pedestal up]";
    const third = insertCameraCommand(prompt, at(prompt), "Zoom in");
    expect(third).toMatchObject({
      ok: true,
      text: "the city at night [Pan left,Pedestal up,Zoom in]",
    });
    prompt = "the city at night [Pan left,Pedestal up,Zoom in]";
    expect(insertCameraCommand(prompt, at(prompt), "Shake")).toEqual({
      ok: false,
      reason: "bracket_full",
    });
    // A bracket that isn't camera commands is left alone.
    prompt = "a poster that reads [OPEN]";
    expect(insertCameraCommand(prompt, at(prompt), "Shake")).toMatchObject({
      ok: true,
      text: "a poster that reads [OPEN] [Shake]",
    });
  });

  it("knows a prompt with commands, alone or combined", () => {
    expect(hasCameraCommand("rain [Tracking shot] then calm")).toBe(true);
    expect(hasCameraCommand("[pan left, pedestal up] city")).toBe(true);
    expect(hasCameraCommand("a sign that says [OPEN]")).toBe(false);
  });
});

describe("cameraMoves", () => {
  it("lists each bracket's moves in the order they take effect, in the documented words", () => {
    expect(cameraMoves("雨夜 [pan left, Pedestal up] 然后 [Push in] [not a move]")).toEqual([
      ["Pan left", "Pedestal up"],
      ["Push in"],
    ]);
    expect(cameraMoves("没有镜头指令")).toEqual([]);
  });

  it("is what the simulator draws on its videos", () => {
    expect(cameraLine("a fox [Pan left,Pedestal up] then [Zoom out]")).toBe(
      "Camera: Pan left + Pedestal up → Zoom out",
    );
    expect(cameraLine("a fox")).toBe("");
  });
});
