import Foundation
import ReaderCore

/// The interactive loop: event, action, reduce, render, draw, until the state says stop.
///
/// Work that takes long on a large document (script detection for the outline marks) runs on a
/// background thread; ticks re-render, and the screen is drawn only when the frame changed.
final class RunLoop {
  let terminal: Terminal
  /// The search indexes being built in the background, so each is started once.
  private var indexing: Set<ConversionCache.Setting> = []
  private var indexingCache: ObjectIdentifier?

  init(terminal: Terminal) {
    self.terminal = terminal
  }

  /// Starts building the search index for what is shown, off the keypress path.
  private func buildSearchIndex(for state: ReaderState) {
    let indexes = state.searchIndexes
    if indexingCache != ObjectIdentifier(indexes) {
      indexingCache = ObjectIdentifier(indexes)
      indexing = []
    }
    let setting = state.setting
    guard indexes.builtIndex(for: setting) == nil, !indexing.contains(setting) else { return }
    indexing.insert(setting)
    Thread.detachNewThread { _ = try? indexes.index(for: setting) }
  }

  func run(_ initial: ReaderState, loading: BackgroundParse? = nil) {
    var state = Reducer.reduce(initial, .resize(terminal.size))
    var shown = FrameRenderer.render(state)
    terminal.draw(shown)
    var detecting = false
    func detectScriptsOnceLoaded() {
      guard !detecting, loading?.isFinished ?? true else { return }
      detecting = true
      let conversions = state.conversions
      Thread.detachNewThread { conversions.detectScripts() }
    }
    detectScriptsOnceLoaded()
    CrashDrill.runIfRequested()
    while state.isRunning {
      switch terminal.nextEvent() {
      case .key(let key):
        // Raw mode turns off the terminal's own Ctrl-Z and Ctrl-C, so they arrive as keys.
        switch Keymap.command(for: key) {
        case .suspend: raise(SIGTSTP)
        case .interrupt: raise(SIGINT)
        default: state = Reducer.reduce(state, .key(key))
        }
      case .mouse(let event):
        state = Reducer.reduce(state, .mouse(event))
      case .resize:
        state = Reducer.reduce(state, .resize(terminal.size))
      case .resumed:
        state = Reducer.reduce(state, .resize(terminal.size))
        shown = Frame(size: TerminalSize(width: 0, height: 0))
      case .tick:
        break
      }
      if let loading, !loading.isFinished, let grown = loading.take() {
        state = Reducer.reduce(state, grown)
        detectScriptsOnceLoaded()
      }
      guard state.isRunning else { break }
      if let search = state.search, search.results == nil {
        buildSearchIndex(for: state)
        state = Reducer.reduce(state, .refreshSearch)
      }
      let frame = FrameRenderer.render(state)
      if frame != shown {
        terminal.draw(frame, previous: shown, repaintAll: shown.width == 0)
        shown = frame
      }
    }
  }
}
