import Foundation
import ReaderCore

/// The interactive loop: event, action, reduce, render, draw, until the state says stop.
///
/// Work that takes long on a large document (script detection for the outline marks) runs on a
/// background thread; ticks re-render, and the screen is drawn only when the frame changed.
struct RunLoop {
  let terminal: Terminal

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
      let frame = FrameRenderer.render(state)
      if frame != shown {
        terminal.draw(frame, previous: shown, repaintAll: shown.width == 0)
        shown = frame
      }
    }
  }
}
