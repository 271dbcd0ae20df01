import ReaderCore

/// The interactive loop: event, action, reduce, render, draw, until the state says stop.
struct RunLoop {
  let terminal: Terminal

  func run(_ initial: ReaderState) {
    var state = Reducer.reduce(initial, .resize(terminal.size))
    terminal.draw(FrameRenderer.render(state))
    while state.isRunning {
      switch terminal.nextEvent() {
      case .key(let key):
        state = Reducer.reduce(state, .key(key))
      case .resize:
        state = Reducer.reduce(state, .resize(terminal.size))
      }
      if state.isRunning { terminal.draw(FrameRenderer.render(state)) }
    }
  }
}
