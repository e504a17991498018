import { checkImage, type ImageProblem } from "@/lib/images/image-rules";
import type { SourceImageDto } from "@/lib/images/source-image-dto";

export type UploadRefusal =
  | ImageProblem
  | { rule: "unreadable" }
  | { rule: "failed"; message?: string };

/**
 * A file the person gave, checked here against kie.ai's rules (its size as shown, EXIF turns
 * included) and then kept by the studio. The server checks it again; its refusal comes back too.
 */
export async function uploadSourceImage(
  slug: string,
  file: File,
): Promise<{ ok: true; image: SourceImageDto } | { ok: false; refusal: UploadRefusal }> {
  let size: { width: number; height: number };
  try {
    const bitmap = await createImageBitmap(file);
    size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
  } catch {
    // Not an image the browser can open: its type says more, when it isn't one kie.ai takes.
    const byType = checkImage({ type: file.type, bytes: file.size, width: 1000, height: 1000 });
    return { ok: false, refusal: byType?.rule === "type" ? byType : { rule: "unreadable" } };
  }
  const problem = checkImage({ type: file.type, bytes: file.size, ...size });
  if (problem) return { ok: false, refusal: problem };
  try {
    const res = await fetch(`/api/w/${encodeURIComponent(slug)}/images`, {
      method: "POST",
      headers: { "Content-Type": file.type },
      body: file,
    });
    if (res.status === 201) return { ok: true, image: (await res.json()) as SourceImageDto };
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    return { ok: false, refusal: { rule: "failed", message: body?.message } };
  } catch {
    return { ok: false, refusal: { rule: "failed" } };
  }
}
