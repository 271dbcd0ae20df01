import FoundationEssentials

/// A long paragraph's lines as written, each line's text converted on its own: what a layout in
/// a display script shows while the paragraph itself is converted in the background.
///
/// A line is converted as a screen asks for it, and only when its converted text takes the
/// columns the written one took (so the line still fits where the layout put it). OpenCC's
/// phrases can run across a line's end, so a word or two may read otherwise once the
/// paragraph's own conversion replaces these lines.
final class ProvisionalLines: @unchecked Sendable {
  /// How many converted lines are kept (a few screens' worth, in any order they were asked for).
  static let keptLines = 1024

  private let conversions: ConversionCache
  private let setting: ConversionCache.Setting
  private var kept: [Int: LayoutLine] = [:]
  private var order: [Int] = []
  private let lock = Lock()

  init(conversions: ConversionCache, setting: ConversionCache.Setting) {
    self.conversions = conversions
    self.setting = setting
  }

  /// Line `index` of the paragraph as written, `line`, as this layout shows it.
  func shown(_ line: LayoutLine, at index: Int) -> LayoutLine {
    lock.lock()
    if let found = kept[index] {
      lock.unlock()
      return found
    }
    lock.unlock()
    let runs = line.spans.map { InlineRun($0.text, style: $0.style) }
    let converted = conversions.convertedRuns(runs, setting)
    var result = line
    if converted.count == runs.count,
      zip(runs, converted).allSatisfy({ DisplayWidth.of($0.text) == DisplayWidth.of($1.text) })
    {
      for index in result.spans.indices { result.spans[index].text = converted[index].text }
    }
    lock.lock()
    if kept.updateValue(result, forKey: index) == nil { order.append(index) }
    if order.count > Self.keptLines { kept[order.removeFirst()] = nil }
    lock.unlock()
    return result
  }
}
