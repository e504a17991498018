// A studio backend in its own process — the job worker with its durable jobs — so a test can
// kill it with SIGKILL mid-flight and start it again. Its environment comes from the parent.
import { boot } from "@/lib/boot";

await boot();
console.log("studio process ready");
