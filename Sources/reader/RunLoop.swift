import Dispatch
import FoundationEssentials
import Glibc
import ReaderCore

/// The interactive loop: event, action, reduce, render, draw, until the state says stop.
///
/// Work that takes long on a large document (the rest of the parse, script detection for the
/// outline marks, the search index) runs on background threads; ticks pick up what they made,
/// and the screen is drawn only when the frame changed.
final class RunLoop {
  let terminal: Terminal
  /// The search index being built in the background (one build at a time: a build for a grown
  /// document indexes only what the one before it left), and for which cache and setting.
  private var indexing: (cache: ObjectIdentifier, setting: ConversionCache.Setting, done: IndexBuild)?
  /// The background scan for a search's first match, and what it found.
  private var scan: FirstMatchScanner?
  /// The background search of the built index for every match of the current pattern.
  private var counter: MatchCounter?
  /// A key (or wheel turn) waiting for a long paragraph's background measure, reduced again each
  /// tick until it no longer asks for lines the measure has not reached.
  private var waiting: [Action] = []
  /// When the first of `waiting` was first refused (monotonic nanoseconds).
  private var waitingSince: UInt64 = 0
  /// The last count made, which the count of a grown document goes on from.
  private var counted: (index: SearchIndex, results: SearchResults)?
  /// Whether the key of the remembered place is still to come from the background parse (the
  /// loop then ticks quickly, so the place is restored as soon as it is known).
  private var awaitingKey = false
  /// When the document on screen last grew (monotonic nanoseconds).
  private var lastGrowth: UInt64 = 0
  private var watcher: FileWatcher?
  private var reload: Reload?
  /// The file the session opened and how it reloads (with the command line's options), restored
  /// when the back key returns to it.
  private var opening: (path: String, reload: Reload)?
  /// The parse growing the document shown, and a reload on its way.
  private var feed = DocumentFeed(growing: nil)
  /// Reads the file a followed link names (`Effect.openDocument`).
  private var open: ((String) throws -> Document)?
  /// Why `r` cannot work for this document (it came from a pipe, or is the bundled article).
  var cannotReload: ReloadFailure?

  init(terminal: Terminal) {
    self.terminal = terminal
  }

  /// Reads the file again: the document's first part, and the parse of the rest when there is
  /// more (as when it was opened).
  typealias Reload = () throws -> (document: Document, rest: BackgroundParse?)

  /// Reloads the document with `reload` when `r` is pressed or the file at `path` changes.
  func watch(path: String, reload: @escaping Reload) {
    watcher = FileWatcher(path: path)
    self.reload = reload
    if opening == nil { opening = (path, reload) }
  }

  /// Opens linked files with `open`; the one shown is then watched and reloaded instead.
  func followLinks(with open: @escaping (String) throws -> Document) {
    self.open = open
  }

  /// Runs until the reader quits; returns the final state (for remembering the place).
  ///
  /// `rememberedPlace`, for a document whose key comes with the background parse (the content
  /// hash is made after the first screen), looks the remembered place up once the key is known.
  func run(
    _ initial: ReaderState, loading: BackgroundParse? = nil, restoring: ReadingPosition? = nil,
    rememberedPlace: ((DocumentKey) -> ReadingPosition?)? = nil
  ) -> ReaderState {
    var rememberedPlace = rememberedPlace
    awaitingKey = rememberedPlace != nil
    feed = DocumentFeed(growing: loading)
    var state = Reducer.reduce(initial, .resize(terminal.size))
    if loading != nil { state = Reducer.reduce(state, .documentGrew(state.document, loading: 0)) }
    // The reducer waits for the document to reach the place (`ReaderState.pendingPlace`).
    var pendingRestore = restoring
    func restoreWhenLoaded() {
      guard let position = pendingRestore else { return }
      pendingRestore = nil
      state = Reducer.reduce(state, .restore(position))
    }
    restoreWhenLoaded()
    var shown = FrameRenderer.render(state)
    terminal.draw(shown)
    loading?.begin()
    // The conversions of each whole document are looked at once (a reload makes new ones). The
    // detection opens only OpenCC's character dictionaries; the phrase converters (8 MB each) are
    // opened by the first t or search that needs them, but for a document read in the background
    // (one large enough to come in chunks), where the converter of the script the next t shows is
    // opened after the detection: opening it on the key took 30 ms.
    let opensNextScript = loading != nil
    var detected: ObjectIdentifier?
    func detectScriptsOnceLoaded() {
      guard detected != ObjectIdentifier(state.conversions), feed.isFinished else { return }
      detected = ObjectIdentifier(state.conversions)
      let conversions = state.conversions
      let next = (script: state.setting.script.next, vocabulary: state.setting.vocabulary)
      BackgroundThread.start {
        conversions.detectScripts()
        if opensNextScript { try? ScriptConverter.shared.prepare(next.script, vocabulary: next.vocabulary) }
      }
    }
    detectScriptsOnceLoaded()
    prepareFactions(for: state)
    CrashDrill.runIfRequested()
    // From the first wait on: the key of the remembered place comes a moment after the first screen.
    tickQuicklyWhileWaiting(on: state)
    while state.isRunning {
      switch terminal.nextEvent() {
      case .key(let key):
        // Raw mode turns off the terminal's own Ctrl-Z and Ctrl-C, so they arrive as keys.
        switch state.takesNextKeyAsText ? nil : Keymap.command(for: key) {
        // The SIGCONT that continues it makes the next event `.resumed`, which redraws.
        case .suspend: terminal.suspend()
        case .interrupt: raise(SIGINT)
        case .reload:
          state = Reducer.reduce(state, .key(key))
          state = reloaded(state, pressed: true)
        default: state = reduceUnlessWaiting(.key(key), on: state)
        }
        state = perform(state)
      case .mouse(let event):
        state = reduceUnlessWaiting(.mouse(event), on: state)
      case .resize:
        state = Reducer.reduce(state, .resize(terminal.size))
      case .resumed:
        state = Reducer.reduce(state, .resize(terminal.size))
        shown = Frame(size: TerminalSize(width: 0, height: 0))
      case .ambiguousWidth(let width):
        state = Reducer.reduce(state, .ambiguousWidthChanged(width))
        // Every cell curses drew was measured the other way: the whole screen is drawn anew.
        shown = Frame(size: TerminalSize(width: 0, height: 0))
      case .tick:
        if watcher?.poll() == true { state = reloaded(state) }
      }
      guard state.isRunning else { break }
      if let lookup = rememberedPlace, let key = feed.documentKey {
        rememberedPlace = nil
        awaitingKey = false
        pendingRestore = lookup(key)
      } else if awaitingKey, feed.isFinished {
        // The file could not be read to its end: there is no hash to look the place up by.
        rememberedPlace = nil
        awaitingKey = false
      }
      // The quick ticks while the remembered place loads take the document when it holds the
      // place; growing it every 15 ms meanwhile would slow the parse it waits for.
      let now = DispatchTime.now().uptimeNanoseconds
      let heldBack =
        (state.pendingPlace.map { !feed.hasPublished(block: $0.block) } ?? false)
        && now - lastGrowth < UInt64(Terminal.tickMilliseconds) * 1_000_000
      if !heldBack, let updated = feed.update(state) {
        Self.releaseLater(state)
        state = updated
        lastGrowth = now
      }
      detectScriptsOnceLoaded()
      restoreWhenLoaded()
      prepareFactions(for: state)
      if let search = state.search, search.results == nil || search.isOutgrown {
        buildSearchIndex(for: state)
        state = Reducer.reduce(state, .refreshSearch)
      }
      countMatches(&state)
      scanForFirstMatch(&state)
      if state.waitsForEnd || state.holdsWidth { state = Reducer.reduce(state, .measured) }
      while let action = waiting.first {
        // A measure that has not got there in ten seconds is not waited for any longer: the key
        // then measures what it needs itself (never seen; a guard against a wait with no end).
        let overdue = DispatchTime.now().uptimeNanoseconds - waitingSince > 10_000_000_000
        let (next, refused) =
          overdue
          ? (Reducer.reduce(state, action), false)
          : LongMeasureRefusal.refusing { Reducer.reduce(state, action) }
        guard !refused else { break }
        waiting.removeFirst()
        waitingSince = DispatchTime.now().uptimeNanoseconds
        state = perform(next)
        guard state.isRunning else { return state }
      }
      tickQuicklyWhileWaiting(on: state)
      let frame = FrameRenderer.render(state)
      if frame != shown {
        terminal.draw(frame, previous: shown, repaintAll: shown.width == 0)
        shown = frame
      }
    }
    return state
  }

  /// Ticks quickly while something made in the background is waited for: a search, End/G or a
  /// resize waiting for a long paragraph's measure, the key of the remembered place, or the place
  /// itself while its chunk loads (it shows as soon as that chunk is parsed, not at a slow tick).
  private func tickQuicklyWhileWaiting(on state: ReaderState) {
    terminal.tickQuickly(
      !(scan?.isDone ?? true) || !(counter?.isDone ?? true) || awaitingKey || state.waitsForEnd
        || state.holdsWidth || !waiting.isEmpty || state.pendingPlace != nil)
  }

  /// `action` reduced, unless it asked for lines of a long paragraph that a background thread is
  /// still measuring (a move back into it from below, `%`): then the screen stays, the status
  /// line says the paragraph is being measured, and the ticks reduce it again until it goes
  /// through. Keys and wheel turns meanwhile wait behind it, in order (nothing typed is lost),
  /// but for the quit key, which goes at once.
  private func reduceUnlessWaiting(_ action: Action, on state: ReaderState) -> ReaderState {
    if !waiting.isEmpty {
      guard case .key(let key) = action, !state.takesNextKeyAsText, Keymap.command(for: key) == .quit else {
        waiting.append(action)
        return state
      }
      waiting.removeAll()
    }
    let (next, refused) = LongMeasureRefusal.refusing { Reducer.reduce(state, action) }
    guard refused else { return next }
    waiting = [action]
    waitingSince = DispatchTime.now().uptimeNanoseconds
    return Reducer.reduce(state, .note(.measuringToEnd))
  }

  /// Does what the last action asked for (see `Effect`), and watches the document now shown.
  private func perform(_ state: ReaderState) -> ReaderState {
    var state = state
    switch state.effect {
    case .openDocument(let path, let fragment):
      guard let open else { break }
      do {
        state = Reducer.reduce(state, .opened(try open(path), location: path, fragment: fragment))
      } catch let error as ReaderError {
        state = Reducer.reduce(state, .openFailed(error.note))
      } catch {
        state = Reducer.reduce(state, .openFailed(.cannotOpen(path: path, reason: "\(error)")))
      }
    case .copyToClipboard(let text):
      terminal.copyToClipboard(text)
    case nil:
      break
    }
    if let location = state.location, location != watcher?.path, let open {
      if let opening, opening.path == location {
        watch(path: location, reload: opening.reload)
      } else {
        watch(path: location) { (try open(location), nil) }
      }
    }
    return state
  }

  /// Lets go of a state on another thread. A state before a chunk of the background parse is
  /// the last holder of the previous document's block array (the parse thread has moved on to
  /// a copy); freeing it on this thread would cost time proportional to the document on the key
  /// that picked the chunk up. The delay makes sure the loop has dropped its own reference first;
  /// it is short because until then the old state keeps its own copy of the blocks and outline
  /// (some 7 MB at 100 MB) beside the new one's.
  private static func releaseLater(_ state: ReaderState) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.02) {
      withExtendedLifetime(state) {}
    }
  }

  /// The same for a search scan or count given up: it holds the layout, the conversions or the
  /// index of the document it started on, which may by now be one no state holds; freeing that
  /// here would cost a typed key time proportional to the document.
  private static func releaseLater(_ job: some AnyObject & Sendable) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.2) {
      withExtendedLifetime(job) {}
    }
  }

  /// Reads the file again and keeps the place; an unreadable file leaves the screen as it was
  /// and, when `r` asked, the status line says why.
  private func reloaded(_ state: ReaderState, pressed: Bool = false) -> ReaderState {
    guard let reload, let path = watcher?.path else {
      return pressed ? Reducer.reduce(state, .reloadFailed(cannotReload ?? .standardInput)) : state
    }
    let signature = FileSignature.of(path: path)
    defer { watcher?.didReload(signature: signature) }
    do {
      let (document, rest) = try reload()
      let next = feed.reload(document, rest: rest, on: state)
      Self.releaseLater(state)
      return next
    } catch {
      guard pressed else { return state }
      if signature == nil { return Reducer.reduce(state, .reloadFailed(.missing)) }
      let reason = (error as? ReaderError)?.message ?? "\(error)"
      return Reducer.reduce(state, .reloadFailed(.unreadable(reason)))
    }
  }

  /// Looks for the faction summary and counts its mentions in the shown script off the keypress
  /// path, as the document loads (each run counts the blocks that came since the last), so `F`,
  /// `f` and `m` only read what is ready.
  private func prepareFactions(for state: ReaderState) {
    state.factions.prepareIfNeeded(state.setting) { BackgroundThread.start($0) }
  }

  /// Runs the scan for the first match (while typing, from where the prompt opened; after Enter,
  /// from the top of the body), or for the match `n` or `N` goes to, while the index is being
  /// built, and hands what it found to the reducer; the loop ticks quickly meanwhile so it shows
  /// at once. A scan no longer wanted (another key was typed) is cancelled.
  private func scanForFirstMatch(_ state: inout ReaderState) {
    let wanted: (pattern: SearchPattern, step: FirstMatchScan.Step?)? = state.search.flatMap { search in
      guard search.results == nil else { return nil }
      if let step = search.awaitsStep { return (search.pattern, step) }
      return search.awaitsFirstMatch && search.firstFound == nil ? (search.pattern, nil) : nil
    }
    if let scan,
      scan.pattern != wanted?.pattern || scan.step != wanted?.step || scan.setting != state.setting
        || scan.conversions !== state.conversions
    {
      scan.cancel()
      self.scan = nil
      Self.releaseLater(scan)
    }
    if let wanted, scan == nil {
      scan = FirstMatchScanner(
        pattern: wanted.pattern, from: state.searchPrompt?.origin ?? state.anchor, step: wanted.step,
        state: state)
    }
    if let scan, let answer = scan.take() {
      if let step = scan.step {
        state = Reducer.reduce(state, .matchStepFound(pattern: scan.pattern, step: step, answer.found))
      } else {
        state = Reducer.reduce(state, .firstMatchFound(pattern: scan.pattern, answer.found))
      }
    }
  }

  /// Searches the built index for every match of the current pattern off the key path, when the
  /// reducer left it (a large index, or a regular expression), and hands the results over. A
  /// count of an index that the document's grown index extends is let finish, and the next count
  /// goes on from it, so a count under way is not lost to every chunk of a background parse.
  private func countMatches(_ state: inout ReaderState) {
    var index = state.searchIndexes.builtIndex(for: state.setting)
    if let counter, counter.isDone {
      self.counter = nil
      if let results = counter.take() {
        counted = (counter.index, results)
        if counter.index === index { state = Reducer.reduce(state, .searchFinished(results)) }
      }
      index = state.searchIndexes.builtIndex(for: state.setting)
    }
    let wanted = state.search.flatMap { $0.results == nil || $0.isOutgrown ? $0.pattern : nil }
    if let counter, counter.pattern != wanted || index.map({ !$0.extends(counter.index) }) ?? false {
      counter.cancel()
      self.counter = nil
      Self.releaseLater(counter)
    }
    if let wanted, let index, counter == nil, wanted.problem == nil {
      counter = MatchCounter(pattern: wanted, index: index, continuing: counted)
      counted = nil
    }
  }

  /// Starts building the search index for what is shown, off the keypress path, unless a build
  /// is running: the next tick starts the one for a grown document once it ends.
  private func buildSearchIndex(for state: ReaderState) {
    let indexes = state.searchIndexes
    let setting = state.setting
    guard indexes.builtIndex(for: setting) == nil else { return }
    if let indexing {
      let same = indexing.cache == ObjectIdentifier(indexes) && indexing.setting == setting
      if same || !indexing.done.isDone { return }
    }
    let build = IndexBuild()
    indexing = (ObjectIdentifier(indexes), setting, build)
    BackgroundThread.start {
      _ = try? indexes.index(for: setting)
      build.finish()
    }
  }
}
