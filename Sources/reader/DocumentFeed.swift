import Dispatch
import FoundationEssentials
import ReaderCore

/// The background parses that bring the document on screen up to date: the one growing it, and,
/// after the file was read again, the one that will replace it.
///
/// A reload goes the way opening does (the first part parsed at once, the rest on a thread), and
/// it cancels every parse before it, so no copy of an older reading of the file reaches the
/// screen after a newer one. The reloaded document is shown once it reaches the reading place
/// and fills the screen from there (at once when the place is near the start); until then the
/// text read before stays, at the place, and the keys work on it.
struct DocumentFeed {
  /// The parse growing the document on screen; nil when it came whole.
  private(set) var growing: BackgroundParse?
  /// A reload not shown yet: its parse (none when the file was read whole), the newest document
  /// it made and how far along it is.
  private var pending: (parse: BackgroundParse?, document: Document, loading: Double?)?
  /// The whole document read again, laid out off screen while the place is measured in it, and
  /// since when (monotonic nanoseconds).
  private var preparing: (preparation: ReloadPreparation, since: UInt64)?

  init(growing: BackgroundParse?) {
    self.growing = growing
  }

  /// Whether the document on screen is whole and no reload is waiting to replace it.
  var isFinished: Bool {
    pending == nil && (growing?.isFinished ?? true)
  }

  /// Whether the parse growing the document on screen has published top-level block `block`
  /// (or the whole) since it was last taken.
  func hasPublished(block: Int) -> Bool {
    growing?.hasPublished(block: block) ?? false
  }

  /// The key of the remembered place, once the parse growing the document on screen knows it.
  var documentKey: DocumentKey? {
    growing?.documentKey
  }

  /// Shows the file read again: `document` is its first part and `rest`, when there is more, the
  /// parse of the rest, begun here. Returns `state` with the new document when it already reaches
  /// the reading place, else `state` as it is (`update` shows the new one later).
  mutating func reload(_ document: Document, rest: BackgroundParse?, on state: ReaderState) -> ReaderState {
    growing?.cancel()
    pending?.parse?.cancel()
    pending = nil
    preparing = nil
    growing = nil
    rest?.begin()
    pending = (rest, document, rest == nil ? nil : 0)
    return showReloadIfReady(on: state) ?? state
  }

  /// What the background parses made since the last call, applied to `state`; nil when nothing
  /// changed.
  mutating func update(_ state: ReaderState) -> ReaderState? {
    if let reload = pending {
      if let taken = reload.parse?.takeDocument() {
        pending = (reload.parse, taken.document, taken.loading)
      }
      return showReloadIfReady(on: state)
    }
    guard let growing, !growing.isFinished, let grown = growing.take() else { return nil }
    return Reducer.reduce(state, grown)
  }

  /// The pending reload shown in `state`, when it is whole or holds a screen of blocks from the
  /// block at the top (every block is at least a line, so the place is not pulled back to fit).
  /// A whole one is laid out off screen first, and waits while the place is in a long paragraph
  /// that its layout has not measured that far yet (see `ReloadPreparation`; ten seconds at most).
  private mutating func showReloadIfReady(on state: ReaderState) -> ReaderState? {
    guard let reload = pending else { return nil }
    let needed = state.anchor.block + state.geometry.body.height
    guard reload.loading == nil || reload.document.blocks.count > needed else { return nil }
    var prepared: ReloadPreparation?
    if reload.loading == nil {
      let now = DispatchTime.now().uptimeNanoseconds
      let started = preparing ?? (ReloadPreparation(of: reload.document, for: state), now)
      preparing = started
      guard started.preparation.findsPlace(of: state) || now - started.since > 10_000_000_000 else {
        return nil
      }
      prepared = started.preparation
    }
    pending = nil
    preparing = nil
    growing = reload.loading == nil ? nil : reload.parse
    return Reducer.reduce(state, .reloaded(reload.document, loading: reload.loading, prepared: prepared))
  }
}
