import Dispatch
import FoundationEssentials
import ReaderCore

/// One background run of `FirstMatchScan` for the pattern just typed or entered (or, for `n` and
/// `N` before the count is there, for the match after or before the one shown), cancelled when
/// the pattern, the step, the script or the document changes; the run loop takes its answer when
/// it is there.
final class FirstMatchScanner: @unchecked Sendable {
  /// What the scan ended with: the match, or nil for none.
  struct Answer {
    var found: FirstMatchScan.Found?
  }

  let pattern: SearchPattern
  /// The step looked for; nil for the first match.
  let step: FirstMatchScan.Step?
  let setting: ConversionCache.Setting
  let conversions: ConversionCache
  private let lock = Lock()
  private var answer: Answer?
  private var cancelled = false
  private var finished = false
  private var taken = false

  /// Starts scanning from `anchor` in the body of `state`, or from `step`'s match when given.
  init(pattern: SearchPattern, from anchor: Anchor, step: FirstMatchScan.Step? = nil, state: ReaderState) {
    self.pattern = pattern
    self.step = step
    setting = state.setting
    let layout = state.bodyLayout
    let conversions = state.conversions
    self.conversions = conversions
    let setting = state.setting
    let library = state.searchIndexes.library
    // A pooled worker, not a new thread: starting a thread waits for it to be scheduled, which on
    // a busy machine kept a typed key waiting up to 200 ms; a stale scan stops at its next block.
    DispatchQueue.global(qos: .utility).async { [self] in
      let found: FirstMatchScan.Found?
      do {
        let blocks = { conversions.block($0, setting) }
        let normalizer = try SearchNormalizer(library: library)
        if let step {
          found = try FirstMatchScan.next(
            pattern, after: step, in: layout, blocks: blocks, normalizer: normalizer,
            isCancelled: { self.isCancelled })
        } else {
          found = try FirstMatchScan.first(
            of: pattern, from: anchor, in: layout, blocks: blocks, normalizer: normalizer,
            isCancelled: { self.isCancelled })
        }
      } catch {
        // Without tw2s the index cannot be built either; its error is the one shown.
        lock.withLock { finished = true }
        return
      }
      lock.withLock {
        answer = Answer(found: found)
        finished = true
      }
    }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  func cancel() {
    lock.withLock { cancelled = true }
  }

  /// Whether the scan has ended, with or without an answer.
  var isDone: Bool { lock.withLock { finished } }

  /// The answer once the scan is done, once (nil before, after a cancel and after it was taken).
  func take() -> Answer? {
    lock.withLock {
      guard !cancelled, !taken, let answer else { return nil }
      taken = true
      return answer
    }
  }
}
