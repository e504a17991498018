import { NextResponse } from "next/server";
import { readCappedBytes } from "@/lib/http/read-capped-text";
import { withWorkspace } from "@/lib/http/with-workspace";
import { IMAGE_MAX_BYTES } from "@/lib/images/image-rules";
import { describeImageProblem, storeSourceImage } from "@/lib/images/store-source-image";

// POST /api/w/:slug/images — the image file itself as the body (image/jpeg, image/png or
// image/webp): kept for a video to start or end on. 201 with where it is and its figures; 422
// with the rule it breaks and its own figure.
export const POST = withWorkspace(
  "POST /api/w/:slug/images",
  async (req, { user, workspace }) => {
    const body = await readCappedBytes(req, IMAGE_MAX_BYTES);
    if (!body.ok) {
      if (body.reason === "unreadable") {
        return NextResponse.json(
          { error: "invalid_input", message: "The upload broke off" },
          { status: 400 },
        );
      }
      const declared = Number(req.headers.get("content-length") ?? "NaN");
      const message =
        declared > IMAGE_MAX_BYTES
          ? describeImageProblem({ rule: "bytes", bytes: declared })
          : "The image is over 10 MB; kie.ai takes at most 10 MB (10,485,760 bytes)";
      return NextResponse.json(
        { error: "invalid_input", message, fields: { image: "bytes" } },
        { status: 413 },
      );
    }
    if (body.bytes.byteLength === 0) {
      return NextResponse.json(
        { error: "invalid_input", message: "No image was sent", fields: { image: "missing" } },
        { status: 400 },
      );
    }
    const image = await storeSourceImage({ workspace, uploaderId: user.id, bytes: body.bytes });
    return NextResponse.json(image, { status: 201 });
  },
  { permission: "generation.create" },
);
