import { describe, expect, it } from "vitest";
import { attachmentDisposition, downloadFileName } from "@/lib/media/download-name";

describe("a downloaded video's file name", () => {
  it("is the prompt's first words, Chinese kept, unsafe characters gone", () => {
    expect(downloadFileName("a red fox crossing snow at dawn [Pan left]", "g1")).toBe(
      "a red fox crossing snow at dawn [Pan left].mp4",
    );
    expect(downloadFileName("高俯角宽景跟拍镜头，一个小男孩在山谷上空滑翔\n第二行", "g1")).toBe(
      "高俯角宽景跟拍镜头，一个小男孩在山谷上空滑翔.mp4",
    );
    expect(downloadFileName('cat: "why?" / <dog>\\ | *', "g1")).toBe("cat why dog.mp4");
    expect(downloadFileName("...hidden.", "g1")).toBe("hidden.mp4");
  });

  it("is cut at 80 characters, and falls back to the id", () => {
    expect(downloadFileName("x".repeat(200), "g1")).toBe(`${"x".repeat(80)}.mp4`);
    expect(downloadFileName(null, "g1")).toBe("hailuo-g1.mp4");
    expect(downloadFileName(" / ? ", "g1")).toBe("hailuo-g1.mp4");
  });

  it("drops bidirectional controls that could disguise the name", () => {
    expect(downloadFileName("a cat \u202egpj.exe", "g1")).toBe("a cat gpj.exe.mp4");
  });

  it("keeps ' ( ) out of the UTF-8 name, as RFC 5987 asks", () => {
    expect(attachmentDisposition("a fox's tail (take 2).mp4")).toBe(
      `attachment; filename="a fox's tail (take 2).mp4"; filename*=UTF-8''a%20fox%27s%20tail%20%28take%202%29.mp4`,
    );
  });

  it("travels as UTF-8 with an ASCII spelling beside it", () => {
    expect(attachmentDisposition("海边 sunset.mp4")).toBe(
      `attachment; filename="__ sunset.mp4"; filename*=UTF-8''${encodeURIComponent("海边 sunset.mp4")}`,
    );
  });
});
