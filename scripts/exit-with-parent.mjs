// Preloaded (`node --import`) into a helper process that scripts/launch.mjs starts with an IPC
// channel, such as the kie.ai simulator: when the studio's process is gone, however it ended
// (stopped, crashed, killed), the channel closes and the helper stops as SIGTERM stops it,
// instead of living on and keeping its port.
if (process.channel) {
  // The channel alone must not keep the helper running.
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
