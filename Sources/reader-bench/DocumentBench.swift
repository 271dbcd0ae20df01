import Foundation
import ReaderCore

/// Measures every stage on one document and prints one line per stage.
struct DocumentBench {
  let path: String
  let bytes: [UInt8]
  let options: BenchOptions

  private var megabytes: Double { Double(bytes.count) / 1_000_000 }
  /// Runs per measurement: more for small documents, so the median means something.
  private var runs: Int { bytes.count > 20_000_000 ? 1 : bytes.count > 2_000_000 ? 3 : 7 }

  func run() {
    print("\n\(path): \(bytes.count) bytes (\(format(megabytes, 1)) MB), \(runs) run(s) per stage")
    print("  " + pad("stage", 46) + pad("ms", 10, right: true) + pad("MB/s", 10, right: true) + "  notes")

    // Stages run in the order that keeps the fewest large structures alive at once, so each is
    // measured in a process close to the one it would run in (the chunked parse holds only bytes).
    if !options.searchOnly { chunked() }
    if options.chunkedOnly { return }
    let document = wholeParse()
    if options.searchOnly {
      search(document, limit: Int.max)
      return
    }
    if options.keysOnly {
      keys(document)
      return
    }

    time("layout first screen at width \(options.width)") {
      DocumentLayout(document: document, width: options.width).lines(from: .top, count: options.size.height)
    }
    time(
      "layout everything at width \(options.width)", bytes: true, note: { (lines: Int) in "\(lines) lines" }
    ) {
      let layout = DocumentLayout(document: document, width: options.width)
      return (0..<layout.blockCount).reduce(0) { $0 + layout.lines(ofBlock: $1).count }
    }
    time("print (--print) at width \(options.width)", bytes: true) {
      var count = 0
      DocumentPrinter.print(document, width: options.width) { count += $0.utf8.count }
      return count
    }
    frames(document)
    keys(document)
    conversion(document)
  }

  /// Script conversion with OpenCC: detection, one screen, and the whole document.
  private func conversion(_ document: Document) {
    let converter = ScriptConverter.shared
    do {
      let first = DispatchTime.now()
      try converter.prepare(.traditional)
      try converter.prepare(.simplified)
      report("conversion: open OpenCC configurations (once)", ms: milliseconds(since: first))
      let scripts = try timeThrowing("conversion: detect scripts of every block", bytes: true) {
        try converter.detector.scripts(of: document)
      }
      let screen = Array(document.blocks.prefix(screenBlockCount(document)))
      for script in [DisplayScript.traditional, .simplified] {
        try timeThrowing("conversion: first screen to \(script.rawValue)", note: "\(screen.count) blocks") {
          try screen.map { try converter.convert($0, to: script, spelling: scripts.spelling) }
        }
      }
      // Whole-document conversion of 100 MB takes minutes; past 20 MB, convert the first 20 MB.
      var blocks = document.blocks[...]
      var note = "all blocks"
      if bytes.count > 20_000_000 {
        blocks = blocks.prefix(document.blocks.count * 20_000_000 / bytes.count)
        note = "first \(blocks.count) of \(document.blocks.count) blocks; MB/s from their share of the bytes"
      }
      let share = Double(blocks.count) / Double(max(1, document.blocks.count))
      let start = DispatchTime.now()
      for block in blocks { _ = try converter.convert(block, to: .traditional, spelling: scripts.spelling) }
      let elapsed = milliseconds(since: start)
      report(
        "conversion: whole document to traditional", ms: elapsed, rate: megabytes * share / (elapsed / 1000),
        note: note)
    } catch let error as ConversionError {
      print("  conversion: unavailable (\(error.message))")
    } catch {
      print("  conversion: failed (\(error))")
    }
    search(document)
  }

  /// Search: the normalised copy built once (tw2s + folding), then one scan per query.
  private func search(_ document: Document, limit: Int = 20_000_000) {
    do {
      let normalizer = try SearchNormalizer()
      // Like the conversion stage, past 20 MB only the first 20 MB are indexed (unless
      // --search-only).
      var indexed = document
      var note = "all blocks"
      if bytes.count > limit {
        let count = document.blocks.count * limit / bytes.count
        indexed = Document(title: document.title, blocks: Array(document.blocks.prefix(count)))
        note = "first \(count) of \(document.blocks.count) blocks"
      }
      let index = try timeThrowing("search: build index, Original view", note: note) {
        try SearchIndex(displayed: indexed, normalizer: normalizer)
      }
      print(
        "  search: the index holds \(index.storageByteCount >> 20) MiB, its normalised copy "
          + "\(index.normalizedByteCount >> 20) MiB")
      for query in ["发布", "OpenAI", "Altman", "altman", "不存在的詞語", "的"] {
        time("search: query \(query)", note: { (results: SearchResults) in "\(results.count) matches" }) {
          index.results(for: query)
        }
      }
    } catch let error as ConversionError {
      print("  search: unavailable (\(error.message))")
    } catch {
      print("  search: failed (\(error))")
    }
  }

  /// How many top-level blocks fill the first screen at the bench's width and height.
  private func screenBlockCount(_ document: Document) -> Int {
    let layout = DocumentLayout(document: document, width: options.width)
    var rows = 0
    var count = 0
    while count < layout.blockCount && rows < options.size.height {
      rows += layout.lines(ofBlock: count).count
      count += 1
    }
    return count
  }

  /// The whole-document parse as `reader` does it before its first paint, and its parts.
  private func wholeParse() -> Document {
    let text = time("decode UTF-8 into a String", bytes: true) { String(decoding: bytes, as: UTF8.self) }
    do {
      let parsed = time("parse whole (cmark + blocks)", bytes: true, note: { "\($0.blocks.count) blocks" }) {
        MarkdownParser().parseBlocks(text, firstID: 0)
      }
      time("outline of all blocks", note: { "\($0.count) entries" }) { Outline(blocks: parsed.blocks) }
    }
    return time("parse + outline: what reader does before paint", bytes: true) {
      MarkdownParser().parse(text, title: "bench")
    }
  }

  /// The chunked parse: time to the first chunk, then the rest, as a background task would run it.
  private func chunked() {
    time("chunked: first chunk (16 KiB)", note: { "\($0) blocks" }) { () -> Int in
      var parser = ChunkedParser(bytes: bytes)
      return parser.parseNextChunk()?.count ?? 0
    }
    let note = { (result: (chunks: Int, entries: Int, inexact: Bool)) in
      "\(result.chunks) chunks, \(result.entries) entries"
        + (result.inexact ? "; has link/footnote definitions: not exact" : "")
    }
    let label = "chunked: all, \(options.chunkSize >> 10) KiB chunks, Document.append"
    time(label, bytes: true, note: note) {
      var parser = ChunkedParser(bytes: bytes, chunkSize: options.chunkSize)
      var document = Document(title: "bench", blocks: parser.parseNextChunk() ?? [])
      while let chunk = parser.parseNextChunk() { document.append(chunk) }
      return (parser.chunkCount, document.outline.count, parser.hasDocumentWideDefinitions)
    }
  }

  /// First frame (resize + render, as the run loop does) and keypresses with their redraw.
  private func frames(_ document: Document) {
    let size = options.size
    time("first frame: state, resize, render \(size.width)x\(size.height)") {
      FrameRenderer.render(Reducer.reduce(ReaderState(document: document, size: size), .resize(size)))
    }
    var state = Reducer.reduce(ReaderState(document: document, size: size), .resize(size))
    _ = FrameRenderer.render(state)
    state = Reducer.reduce(state, .command(.focusBody))
    var samples: [Double] = []
    for _ in 0..<200 {
      let start = DispatchTime.now()
      state = Reducer.reduce(state, .command(.pageDown))
      _ = FrameRenderer.render(state)
      samples.append(milliseconds(since: start))
    }
    samples.sort()
    let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
    report(
      "key: page down + render (200 presses)", ms: samples[samples.count / 2],
      note: "p99 \(format(p99, 2)) ms")
    time("key: G (end of document) + render") {
      FrameRenderer.render(Reducer.reduce(state, .command(.bottom)))
    }
    var outlineState = Reducer.reduce(ReaderState(document: document, size: size), .resize(size))
    time("key: next heading in outline + render") { () -> Frame in
      outlineState = Reducer.reduce(outlineState, .command(.lineDown))
      return FrameRenderer.render(outlineState)
    }
  }

  /// Every keypress of the viewer, reduce + render as the run loop does, with the background work
  /// (script detection, search index) done first as the viewer does it while the reader reads.
  func keys(_ document: Document) {
    let size = options.size
    var state = Reducer.reduce(ReaderState(document: document, size: size), .resize(size))
    let detection = DispatchTime.now()
    state.conversions.detectScripts()
    report("background: script detection (outline marks, 繁 spelling)", ms: milliseconds(since: detection))
    let opening = DispatchTime.now()
    for script in [DisplayScript.traditional, .simplified] {
      _ = state.conversions.prepare(ConversionCache.Setting(script: script))
    }
    report("background: open OpenCC configurations", ms: milliseconds(since: opening))
    state = Reducer.reduce(state, .key(.tab))
    func measure(_ label: String, presses: Int = 100, _ keys: [Key]) {
      var samples: [Double] = []
      for press in 0..<presses {
        let start = DispatchTime.now()
        state = Reducer.reduce(state, .key(keys[press % keys.count]))
        _ = FrameRenderer.render(state)
        samples.append(milliseconds(since: start))
      }
      samples.sort()
      let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
      report(
        "key: \(label) (\(presses)x)", ms: samples[samples.count / 2],
        note: "p99 \(format(p99, 2)) ms, max \(format(samples.last ?? 0, 2)) ms")
    }
    measure("j (line down)", [.character("j")])
    measure("Space (page down)", [.character(" ")])
    measure("] (next heading)", [.character("]")])
    measure("G / g (end, top)", presses: 20, [.character("G"), .character("g")])
    measure("t (script toggle, 3 scripts)", presses: 30, [.character("t")])
    guard bytes.count <= 20 << 20 else {
      print("  key: n (search next): skipped past 20 MB (the index build takes minutes)")
      return
    }
    let build = DispatchTime.now()
    _ = try? state.searchIndexes.index(for: state.setting)
    report("background: search index build", ms: milliseconds(since: build))
    state = Reducer.reduce(state, .key(.character("/")))
    for character in "发布" { state = Reducer.reduce(state, .key(.character(character))) }
    state = Reducer.reduce(state, .refreshSearch)
    state = Reducer.reduce(state, .key(.enter))
    measure("n (search next)", [.character("n")])
  }

  /// Runs `body` `runs` times, prints the median and returns the last result.
  @discardableResult
  private func time<Result>(
    _ label: String, bytes: Bool = false, note: (Result) -> String = { _ in "" }, _ body: () -> Result
  ) -> Result {
    var samples: [Double] = []
    var result: Result?
    for _ in 0..<runs {
      let start = DispatchTime.now()
      result = body()
      samples.append(milliseconds(since: start))
    }
    samples.sort()
    report(label, ms: samples[samples.count / 2], perByte: bytes, note: note(result!))
    return result!
  }

  /// `time` for a body that throws.
  @discardableResult
  private func timeThrowing<Result>(
    _ label: String, bytes: Bool = false, note: String = "", _ body: () throws -> Result
  ) rethrows -> Result {
    var samples: [Double] = []
    var result: Result?
    for _ in 0..<runs {
      let start = DispatchTime.now()
      result = try body()
      samples.append(milliseconds(since: start))
    }
    samples.sort()
    report(label, ms: samples[samples.count / 2], perByte: bytes, note: note)
    return result!
  }

  private func report(
    _ label: String, ms: Double? = nil, perByte: Bool = false, rate: Double? = nil, note: String = ""
  ) {
    var line = "  " + pad(label, 46)
    line += pad(ms.map { format($0, $0 < 10 ? 2 : 1) } ?? "", 10, right: true)
    let rate = rate ?? ms.flatMap { perByte && $0 > 0 ? megabytes / ($0 / 1000) : nil }
    line += pad(rate.map { format($0, 1) } ?? "", 10, right: true)
    if !note.isEmpty { line += "  " + note }
    while line.hasSuffix(" ") { line.removeLast() }
    print(line)
  }

  private func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
  }

  private func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }
}
