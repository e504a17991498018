import { open } from "node:fs/promises";

export interface Mp4Info {
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  size: number;
}

function* boxes(buf: Buffer, from: number, to: number): Generator<Box> {
  let pos = from;
  while (pos + 8 <= to) {
    let size = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    let headerSize = 8;
    if (size === 1 && pos + 16 <= to) {
      size = Number(buf.readBigUInt64BE(pos + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = to - pos;
    }
    if (size < headerSize || pos + size > to) return;
    yield { type, start: pos, headerSize, size };
    pos += size;
  }
}

function parseMoov(moov: Buffer): Mp4Info {
  const info: Mp4Info = { durationMs: null, width: null, height: null };
  for (const box of boxes(moov, 0, moov.length)) {
    const body = box.start + box.headerSize;
    if (box.type === "mvhd") {
      const version = moov.readUInt8(body);
      const timescale = moov.readUInt32BE(body + (version === 1 ? 20 : 12));
      const duration =
        version === 1 ? Number(moov.readBigUInt64BE(body + 24)) : moov.readUInt32BE(body + 16);
      if (timescale > 0) info.durationMs = Math.round((duration / timescale) * 1000);
    } else if (box.type === "trak" && info.width === null) {
      for (const inner of boxes(moov, body, box.start + box.size)) {
        if (inner.type !== "tkhd") continue;
        const version = moov.readUInt8(inner.start + inner.headerSize);
        // width and height are the last two 16.16 fixed-point fields of tkhd.
        const end = inner.start + inner.size;
        const width = moov.readUInt32BE(end - 8) / 65536;
        const height = moov.readUInt32BE(end - 4) / 65536;
        if (width > 0 && height > 0 && version <= 1) {
          info.width = Math.round(width);
          info.height = Math.round(height);
        }
      }
    }
  }
  return info;
}

/** Duration and picture size from an MP4's moov box, without ffprobe. */
export async function probeMp4(path: string): Promise<Mp4Info> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    let pos = 0;
    const header = Buffer.alloc(16);
    while (pos + 8 <= size) {
      await fh.read(header, 0, 16, pos);
      let boxSize = header.readUInt32BE(0);
      const type = header.toString("latin1", 4, 8);
      let headerSize = 8;
      if (boxSize === 1) {
        boxSize = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (boxSize === 0) {
        boxSize = size - pos;
      }
      if (boxSize < headerSize) break;
      if (type === "moov") {
        const len = Math.min(boxSize - headerSize, 64 * 1024 * 1024);
        const moov = Buffer.alloc(len);
        await fh.read(moov, 0, len, pos + headerSize);
        return parseMoov(moov);
      }
      pos += boxSize;
    }
    return { durationMs: null, width: null, height: null };
  } finally {
    await fh.close();
  }
}
