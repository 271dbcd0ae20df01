/// Everything the screen shows, as a value: the reducer changes it and the renderer draws it.
public struct ReaderState: Sendable {
  public internal(set) var document: Document
  public internal(set) var size: TerminalSize
  public internal(set) var focus: Focus
  /// The selected outline entry.
  public internal(set) var selection: Int
  /// The first outline entry shown in the outline pane.
  public internal(set) var outlineTop: Int
  /// The reading position: the text at the top of the body.
  public internal(set) var anchor: Anchor
  /// The text the reader was at before a run of resizes or toggles, so that going back
  /// returns to exactly the same line instead of drifting to the start of a wrapped line.
  var pinnedKey: LineKey?
  /// The width the body is still laid out at after a resize or a toggle that changed it, while
  /// the layout at the new width has not measured the long paragraph the place is in that far
  /// (its background measure gets there in a second or so): its lines are cut at the pane's edge
  /// meanwhile, instead of megabytes measured on the key path (see `Action.measured`).
  var heldWidth: Int?
  /// Whether the body is shown at the width it had before a resize, for a moment (see `heldWidth`):
  /// the run loop then ticks quickly and reduces `Action.measured`.
  public var holdsWidth: Bool { heldWidth != nil }
  /// The script the text is shown in, and whether vocabulary is localised too.
  public internal(set) var setting: ConversionCache.Setting
  /// Whether long code lines wrap or are chopped, and how far the chopped body is scrolled.
  public internal(set) var codeLines: CodeLineMode
  /// How wide the ambiguous characters were measured for the layout in use: the terminal's answer
  /// can come after the first screen (see `Action.ambiguousWidthChanged`).
  public internal(set) var ambiguousWidth: AmbiguousWidth
  /// A panel over the panes (help, factions), if one is open.
  public internal(set) var overlay: Overlay?
  /// Stretches of text drawn highlighted in the body.
  public internal(set) var highlights: [TextRange]
  /// The faction that `f` highlighted or the panel chose: `m` steps through its mentions.
  public internal(set) var activeFaction: Int?
  /// The mention of the active faction that `m` went to last.
  public internal(set) var mentionIndex: Int?
  /// How far the background parse of a large document has come; nil once it is all here.
  public internal(set) var loading: Double?
  /// Whether End/G was pressed while the document was still loading, or before a long paragraph
  /// was measured to its end: the end follows it (see `Action.measured`).
  var followsEnd: Bool

  /// Whether End/G waits for a long paragraph's background measure (the run loop then ticks
  /// quickly and reduces `Action.measured`).
  public var waitsForEnd: Bool { followsEnd && loading == nil }
  /// Whether the outline pane is shown, and its share of the terminal's width in percent when the
  /// reader changed it (`<`, `>`), so that a resize keeps the proportion.
  public internal(set) var outlineVisible: Bool
  public internal(set) var outlineShare: Int?
  /// The outline's folded branches (`z1`…`z9`, `za`).
  public internal(set) var outlineFold: OutlineFold
  /// The outline's filter (`&`), while one is typed or kept.
  public internal(set) var outlineFilter: OutlineFilter?
  var outlineRowsCache: OutlineRowsCache
  /// The widest the body text gets (`--measure`), 0 for the whole pane.
  public internal(set) var measure: Int
  /// A count typed before a movement (`5j`).
  public internal(set) var count: Int?
  /// The current search, if one was started: the last one, or the one being typed.
  public internal(set) var search: SearchState?
  /// The search prompt, while a pattern is typed.
  public internal(set) var searchPrompt: SearchPrompt?
  /// The patterns searched for before (Up / Down in the prompt); the viewer saves it.
  public var searchHistory: SearchHistory
  public internal(set) var searchIndexes: SearchIndexCache
  public internal(set) var isRunning: Bool
  /// What to open instead once the viewer stops (`:n`, `:p`, the shelf); nil when quitting.
  public internal(set) var leaving: Leaving?
  /// The open document's place among several, for `:n` / `:p` and the status line.
  public var sequence: DocumentSequence?
  /// Whether `:` was typed and the next key completes the command (`:n`).
  public internal(set) var awaitsColonCommand: Bool
  /// A key (`m`, `'`) waiting for the next one, which names a mark.
  public internal(set) var pendingPrefix: KeyPrefix?
  /// The places marked with `m` and a letter, as text so that they survive a resize and a restart.
  public internal(set) var marks: [Character: TextPosition]
  /// Where the last jump (`'a`, `50%`, `12g`, a search or a mention) left from, for `''`.
  public internal(set) var placeBeforeJump: TextPosition?
  /// What the last jump went to, while the body shows it.
  var jumpTarget: JumpTarget?
  /// A one-line note for the status line, cleared by the next key.
  public internal(set) var statusMessage: Message?
  /// The remembered place while the document has not loaded as far as it: shown once it has,
  /// given up when the reader moves the body first (see `Action.restore`). It is the place to
  /// remember until then, so quitting early loses nothing.
  public internal(set) var pendingPlace: ReadingPosition?
  /// Whether a key or the mouse has moved the body to other text since the document opened: a
  /// remembered place that comes after that is not jumped to.
  var movedByReader = false
  /// The note as the status line says it, in the interface's language.
  public var message: String? { statusMessage?.text(in: language) }
  /// The language of the help, the status line and the notes.
  public internal(set) var language: InterfaceLanguage
  /// The first line of the help on screen while it is open.
  public internal(set) var helpTop: Int
  public internal(set) var conversions: ConversionCache
  let converter: ScriptConverter
  /// Whether the status line has said that the system's older dictionaries convert (once).
  var fallbackNoticeShown = false
  /// Whether an unbound key has pointed at the help already (once a session is enough).
  var unknownKeyHintShown = false
  public internal(set) var factions: FactionIndex
  var layouts: LayoutCache
  /// The path of the document's file, against which relative links resolve; nil for the bundled
  /// article and standard input (links then resolve against the current folder).
  public internal(set) var location: String?
  /// The link chosen with `l` / `L`, drawn reversed; the status line shows where it leads.
  public internal(set) var selectedLink: LinkSelection?
  /// The places the back key returns to, the last one first.
  public internal(set) var history: [HistoryEntry]
  /// What the last action asks the run loop to do (open a file, copy to the clipboard); every
  /// action starts with none.
  public internal(set) var effect: Effect?

  public init(
    document: Document, size: TerminalSize, script: DisplayScript = .original, vocabulary: Bool = false,
    measure: Int = PaneGeometry.defaultMeasure, converter: ScriptConverter = .shared, location: String? = nil,
    language: InterfaceLanguage = .english
  ) {
    self.language = language
    helpTop = 0
    self.document = document
    self.location = location
    selectedLink = nil
    history = []
    effect = nil
    self.size = size
    focus = document.outline.isEmpty ? .body : .outline
    selection = 0
    outlineTop = 0
    anchor = .top
    pinnedKey = nil
    heldWidth = nil
    setting = ConversionCache.Setting(script: script, vocabulary: vocabulary)
    codeLines = .wrapped
    ambiguousWidth = DisplayWidth.ambiguous
    overlay = nil
    highlights = []
    activeFaction = nil
    mentionIndex = nil
    loading = nil
    followsEnd = false
    outlineVisible = true
    outlineShare = nil
    outlineFold = OutlineFold()
    outlineFilter = nil
    outlineRowsCache = OutlineRowsCache(outline: document.outline)
    self.measure = max(0, measure)
    count = nil
    isRunning = true
    leaving = nil
    sequence = nil
    awaitsColonCommand = false
    pendingPrefix = nil
    marks = [:]
    placeBeforeJump = nil
    jumpTarget = nil
    statusMessage = document.notice
    conversions = ConversionCache(document: document, converter: converter)
    factions = FactionIndex(conversions: conversions)
    layouts = LayoutCache(conversions: conversions)
    searchIndexes = SearchIndexCache(conversions: conversions, library: converter.library)
    search = nil
    searchPrompt = nil
    searchHistory = SearchHistory()
    self.converter = converter
    if let failure = conversions.prepare(setting) {
      setting = .original
      statusMessage = .conversionFailed(failure)
    } else if statusMessage == nil {
      Reducer.noteFallbackDictionaries(&self)
    }
  }

  /// Takes another document (a reload, or a background parse that started again), the whole of it
  /// once `isComplete`: the caches start again on it, refilling with just what the screen asks
  /// for; the reducer keeps the place.
  mutating func replaceDocument(with grown: Document, isComplete: Bool, prepared: ReloadPreparation? = nil) {
    document = grown
    // The width held is of the layouts of the document replaced.
    heldWidth = nil
    outlineRowsCache = OutlineRowsCache(outline: grown.outline)
    let caches = prepared ?? ReloadPreparation(of: grown, for: self)
    conversions = caches.conversions
    factions = FactionIndex(conversions: conversions, isComplete: isComplete)
    layouts = caches.layouts
    searchIndexes = SearchIndexCache(conversions: conversions, library: converter.library)
    // Matches of the text that was replaced may name blocks that are gone.
    search = search.map { SearchState(pattern: $0.pattern) }
    let previous = searchPrompt?.previous
    searchPrompt?.previous = previous.map { SearchState(pattern: $0.pattern) }
  }

  /// Shows another document (a followed link, or the way back), as if it had just been opened with
  /// the same script, size and outline pane; the history is kept.
  mutating func switchDocument(to other: Document, location: String?) {
    var fresh = ReaderState(
      document: other, size: size, script: setting.script, vocabulary: setting.vocabulary,
      converter: converter,
      location: location, language: language)
    fresh.outlineVisible = outlineVisible
    fresh.outlineShare = outlineShare
    fresh.history = history
    fresh.searchHistory = searchHistory
    // The last pattern goes on in the other document, as less keeps it from file to file.
    fresh.search = search.map { SearchState(pattern: $0.pattern) }
    self = fresh
  }

  /// Takes the document of a background parse that grew (blocks and entries only appended), the
  /// whole of it once `isComplete`: conversions, layouts and faction counts already made are
  /// carried over, so a key after a chunk costs what the screen shows, never a rebuild of the caches.
  mutating func growDocument(to grown: Document, isComplete: Bool) {
    document = grown
    if grown.outline.count != outlineRowsCache.entryCount {
      outlineRowsCache = OutlineRowsCache(outline: grown.outline)
    }
    conversions = conversions.grown(to: grown)
    factions = factions.grown(with: conversions, isComplete: isComplete)
    layouts = layouts.grown(with: conversions)
    searchIndexes = searchIndexes.grown(with: conversions)
    // The count goes on from the blocks appended (see `SearchIndex.results(for:continuing:)`);
    // until then `n` goes through the matches counted so far.
    if search?.results != nil { search?.isOutgrown = true }
    if searchPrompt?.previous?.results != nil { searchPrompt?.previous?.isOutgrown = true }
  }

  public var geometry: PaneGeometry { geometry(showing: document) }

  /// The panes as they would be with `shown` on screen (a reload's document, before it is).
  func geometry(showing shown: Document) -> PaneGeometry {
    // A document without headings has no outline pane: the body takes the whole width.
    PaneGeometry(
      size: size, outlineVisible: outlineVisible && !shown.outline.isEmpty, outlineShare: outlineShare,
      measure: measure)
  }

  /// The body's layout at the body's current width (or the one held, see `heldWidth`), in the
  /// current script.
  public var bodyLayout: DocumentLayout {
    layouts.layout(
      width: heldWidth ?? max(1, geometry.body.width), setting: setting, codeLines: codeLines,
      ambiguous: ambiguousWidth)
  }

  /// The outline entry whose section is at the top of the body, or nil in the preface; right after
  /// a jump, the one whose section holds what the jump went to.
  public var currentEntry: Int? {
    if let jumpTarget, jumpTarget.anchor == anchor { return jumpTarget.entry }
    return bodyLayout.entryIndex(at: anchor)
  }

  /// The text at the top of the body, as a width-independent place.
  public var place: TextPosition {
    TextPosition(block: anchor.block, key: bodyLayout.key(at: anchor) ?? LineKey(leaf: 0, offset: 0))
  }

  /// Whether the next key is text for a prompt or a prefix (`m`, `'`, `:`, the search) rather than
  /// a command of its own, so the run loop must not act on it (`r` reloading, Ctrl-Z suspending).
  public var takesNextKeyAsText: Bool {
    searchPrompt != nil || overlay != nil || awaitsColonCommand || pendingPrefix != nil
      || outlineFilter?.isEditing == true
  }

  /// The rows the outline lists once folds or a filter leave entries out; nil while it lists
  /// every entry.
  public var outlineRows: OutlineRows? {
    let query = outlineFilter?.query ?? ""
    guard !outlineFold.isOpen || !query.isEmpty else { return nil }
    let library = converter.library
    return outlineRowsCache.rows(
      fold: outlineFold, query: query.isEmpty ? nil : query, setting: setting,
      title: { self.title(ofEntry: $0) },
      normaliser: {
        guard let normalizer = try? SearchNormalizer(library: library) else { return { $0.lowercased() } }
        return { normalizer.normalize(query: $0) }
      })
  }

  /// How many rows the outline lists.
  public var outlineRowCount: Int { outlineRows?.entries.count ?? document.outline.count }

  /// The entry the outline lists at `row`.
  public func outlineEntry(atRow row: Int) -> Int {
    outlineRows.map { $0.entries[row] } ?? row
  }

  /// The row that lists `entry`, or its visible ancestor (the last row before it).
  public func outlineRow(ofEntry entry: Int) -> Int {
    guard let rows = outlineRows else { return entry }
    return rows.row(atOrBefore: entry) ?? 0
  }

  /// Outline entry `index`'s title in the current script.
  public func title(ofEntry index: Int) -> String {
    conversions.title(ofEntry: index, setting)
  }
}
