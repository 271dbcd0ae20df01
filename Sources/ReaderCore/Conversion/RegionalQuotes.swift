/// Chinese quotation marks in a region's convention, for vocabulary localisation: Taiwan writes
/// 「」 with 『』 inside, the mainland “” with ‘’ inside.
///
/// Corner brackets are only ever Chinese, so each becomes its curly counterpart. Curly quotes are
/// also English quotes and apostrophes (OpenAI’s), so they change only as a matched pair (“ with
/// the next ”, ‘ with the next ’) whose content holds Chinese: a Han character or CJK punctuation.
/// Inline code is left as written.
enum RegionalQuotes {
  /// `runs` with their quotation marks in the convention of `script`'s region.
  static func localise(_ runs: [InlineRun], to script: DisplayScript) -> [InlineRun] {
    switch script {
    case .original: return runs
    case .simplified: return toCurly(runs)
    case .traditional: return toCorners(runs)
    }
  }

  private static let curly: [Unicode.Scalar: Unicode.Scalar] = ["「": "“", "」": "”", "『": "‘", "』": "’"]

  private static func toCurly(_ runs: [InlineRun]) -> [InlineRun] {
    runs.map { run in
      guard !run.style.contains(.code), run.text.unicodeScalars.contains(where: { curly[$0] != nil }) else {
        return run
      }
      var result = run
      result.text = String(String.UnicodeScalarView(run.text.unicodeScalars.map { curly[$0] ?? $0 }))
      return result
    }
  }

  private static func toCorners(_ runs: [InlineRun]) -> [InlineRun] {
    let text = RunText(runs)
    var replaced: [Int: Unicode.Scalar] = [:]
    var openDouble: Int?
    var openSingle: Int?
    for run in runs.indices where text.isConvertible(run: run) {
      for index in text.runStarts[run]..<text.runStarts[run + 1] {
        switch text.scalars[index] {
        case "“": openDouble = index
        case "‘": openSingle = index
        case "”":
          if let open = openDouble, holdsChinese(text.scalars[open + 1..<index]) {
            replaced[open] = "「"
            replaced[index] = "」"
          }
          openDouble = nil
        case "’":
          if let open = openSingle {
            if holdsChinese(text.scalars[open + 1..<index]) {
              replaced[open] = "『"
              replaced[index] = "』"
            }
            openSingle = nil
          }
        default: break
        }
      }
    }
    if replaced.isEmpty { return runs }
    var result = runs
    for run in runs.indices
    where (text.runStarts[run]..<text.runStarts[run + 1]).contains(where: { replaced[$0] != nil }) {
      var scalars = String.UnicodeScalarView()
      for index in text.runStarts[run]..<text.runStarts[run + 1] {
        scalars.append(replaced[index] ?? text.scalars[index])
      }
      result[run].text = String(scalars)
    }
    return result
  }

  private static func holdsChinese(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    scalars.contains {
      ScriptDetector.isHan($0) || (0x3000...0x303F).contains($0.value) || (0xFF01...0xFF0F).contains($0.value)
        || (0xFF1A...0xFF1F).contains($0.value)
    }
  }
}
