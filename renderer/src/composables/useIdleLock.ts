import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/**
 * Locks after `minutes` without keyboard, pointer or touch activity (issue 6: default 10 minutes).
 * The core enforces the same limit on its side, so a sleeping tab cannot keep the caseload open.
 */
export function useIdleLock(minutes: Ref<number | null>, onIdle: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const reset = () => {
    clearTimeout(timer)
    if (minutes.value) timer = setTimeout(onIdle, minutes.value * 60_000)
  }
  onMounted(() => {
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, reset, { passive: true })
    reset()
  })
  watch(minutes, reset)
  onBeforeUnmount(() => {
    clearTimeout(timer)
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, reset)
  })
}
