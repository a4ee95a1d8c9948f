// One clock for every bench process: CLOCK_MONOTONIC is shared by all processes on the machine,
// so an ack time taken in a load process and an arrival time taken at the projector compare directly.
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export const sleepUntil = (at) => sleep(at - now());
