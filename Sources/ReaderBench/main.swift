// Benchmarks Chinese conversion on a generated ~10 MB document: the whole document block by
// block against one screen's worth of blocks. Prints figures; asserts nothing.
// Usage: swift run ReaderBench [megabytes]
import Foundation
import ReaderAssets
import ReaderCore

let megabytes = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 10 : 10
let clock = ContinuousClock()

func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
  let start = clock.now
  let result = try body()
  let elapsed = clock.now - start
  let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
  print(label.padding(toLength: 56, withPad: " ", startingAt: 0) + String(format: "%10.2f ms", milliseconds))
  return result
}

/// The article's paragraphs in a shuffled order, again and again, up to the size asked for.
func generatedMarkdown(bytes target: Int) -> String {
  let article = String(decoding: BundledArticle.bytes, as: UTF8.self)
  let paragraphs = article.components(separatedBy: "\n\n").filter { !$0.isEmpty }
  var state: UInt64 = 0x2545_F491_4F6C_DD1D
  var text = ""
  var section = 0
  while text.utf8.count < target {
    section += 1
    text += "## 第 \(section) 節\n\n"
    for _ in 0..<paragraphs.count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      text += paragraphs[Int(state >> 33) % paragraphs.count] + "\n\n"
    }
  }
  return text
}

let converter = ScriptConverter.shared
let detector = ScriptDetector.shared
let markdown = measure("generate Markdown") { generatedMarkdown(bytes: Int(megabytes * 1_000_000)) }
let document = measure("parse \(markdown.utf8.count) bytes") {
  MarkdownParser().parse(markdown, title: "bench")
}
print("blocks: \(document.blocks.count)")

do {
  try measure("first use: open s2tw, t2s, s2t") { try converter.prepare(.traditional) }
  try measure("first use: open tw2s") { try converter.prepare(.simplified) }
  let scripts = try measure("detection pass: block scripts, majority, spelling") {
    try detector.scripts(of: document)
  }
  let spelling = scripts.spelling
  print(
    "dominant script: \(scripts.dominant); blocks with Simplified text: "
      + "\(scripts.blockScripts.filter(\.containsSimplified).count) of \(document.blocks.count)")
  _ = try measure("script of every block, one call per block") {
    try document.blocks.map { try detector.script(of: $0) }
  }

  // A screen of a 120x40 terminal: about 40 rows of an 80-column body pane.
  func screen(from first: Int) -> ArraySlice<Block> {
    var rows = 0
    var last = first
    while last < document.blocks.count && rows < 40 {
      rows += DisplayWidth.of(document.blocks[last].runs.plainText) / 80 + 2
      last += 1
    }
    return document.blocks[first..<last]
  }
  for script in [DisplayScript.traditional, .simplified] {
    var timings: [Double] = []
    var blocksPerScreen = 0
    for position in stride(from: 1000, to: document.blocks.count, by: document.blocks.count / 20) {
      let blocks = screen(from: position)
      blocksPerScreen = max(blocksPerScreen, blocks.count)
      let start = clock.now
      for block in blocks { _ = try converter.convert(block, to: script, spelling: spelling) }
      let elapsed = clock.now - start
      timings.append(
        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    timings.sort()
    let label = "one screen to \(script.rawValue)".padding(toLength: 56, withPad: " ", startingAt: 0)
    print(
      label
        + String(
          format: "%10.2f ms median, %.2f ms max (%d screens, up to %d blocks)", timings[timings.count / 2],
          timings.last!, timings.count, blocksPerScreen))
  }
  for script in [DisplayScript.traditional, .simplified] {
    _ = try measure("whole document block by block to \(script.rawValue)") {
      try document.blocks.map { try converter.convert($0, to: script, spelling: spelling) }
    }
  }
  let plain = markdown
  _ = try measure("whole text in one OpenCC call (s2tw, for reference)") {
    try OpenCCLibrary.shared.converter(named: "s2tw").convert(plain)
  }
} catch let error as ConversionError {
  print("conversion unavailable: \(error.message)")
}
