import CYAML

/// Finds front matter at the start of Markdown source and reads its title.
///
/// cmark-gfm does not know front matter (it would make a rule and a setext heading of it), so the
/// block is taken off before cmark sees the rest. YAML is read with libyaml: the block counts as
/// front matter only when its top level is a mapping (or it is empty), so a document that merely
/// opens with a `---` rule stays Markdown. TOML has no parser among the system libraries; only its
/// top-level `title = "..."` (basic or literal string) is read, by hand, and a `+++` block always
/// counts.
enum FrontMatterReader {
  /// Front matter longer than this is not looked for: the closing line would be far too late.
  static let maximumSize = 1 << 20

  /// The front matter at the start of `bytes` (after a byte order mark) and the offset of the
  /// line after its closing delimiter, or nil when the source does not start with front matter.
  static func read(_ bytes: UnsafeRawBufferPointer) -> (frontMatter: FrontMatter, end: Int)? {
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    let opening = ChunkSplitter.lineBounds(in: bytes, from: start)
    let format: FrontMatter.Format
    switch trimmedLine(bytes, start..<opening.end) {
    case "---": format = .yaml
    case "+++": format = .toml
    default: return nil
    }
    var position = opening.next
    while position < bytes.count && position - start <= maximumSize {
      let line = ChunkSplitter.lineBounds(in: bytes, from: position)
      let text = trimmedLine(bytes, position..<line.end)
      if format == .yaml ? (text == "---" || text == "...") : text == "+++" {
        let body = string(bytes, opening.next..<position)
        let title: String?
        switch format {
        case .yaml:
          guard let read = yamlTitle(body) else { return nil }
          title = read
        case .toml:
          title = tomlTitle(body)
        }
        let whole = string(bytes, start..<line.end)
        return (
          FrontMatter(format: format, text: CodeText.expandTabs(whole), title: title.flatMap(cleanTitle)),
          line.next
        )
      }
      position = line.next
    }
    return nil
  }

  /// A line's bytes without trailing blanks, as text.
  private static func trimmedLine(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
    var end = range.upperBound
    while end > range.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    return string(bytes, range.lowerBound..<end)
  }

  /// The bytes as text with every line end (CRLF, a lone CR) made a line feed.
  private static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
    let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    guard text.utf8.contains(0x0D) else { return text }
    return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
  }

  private static func cleanTitle(_ title: String) -> String? {
    let line = VisibleText.singleLine(title.replacingNewlines()).trimmingWhitespace()
    return line.isEmpty ? nil : line
  }

  /// The top-level `title` of a YAML block: `.some(nil)` for a mapping without one, nil when the
  /// block's top level is not a mapping (then it is not front matter). An error later in the
  /// block keeps what was read before it, as a site generator would at least show the page.
  private static func yamlTitle(_ text: String) -> String?? {
    var parser = yaml_parser_t()
    guard reader_yaml_library() != nil else { return .some(nil) }
    guard reader_yaml_parser_initialize()(&parser) != 0 else { return .some(nil) }
    defer { reader_yaml_parser_delete()(&parser) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> String?? in
      reader_yaml_parser_set_input_string()(&parser, buffer.baseAddress, buffer.count)
      var depth = 0
      var sawRoot = false
      var expectingValue = false
      var titleIsNext = false
      while true {
        var event = yaml_event_t()
        guard reader_yaml_parser_parse()(&parser, &event) != 0 else { return sawRoot ? .some(nil) : nil }
        defer { reader_yaml_event_delete()(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return .some(nil)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
          if depth == 0 {
            guard event.type == YAML_MAPPING_START_EVENT else { return nil }
            sawRoot = true
          } else if depth == 1 {
            titleIsNext = false
            expectingValue = false
          }
          depth += 1
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
          depth -= 1
          if depth == 1 { expectingValue = false }
          if depth == 0 { return .some(nil) }
        case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
          if depth == 0 {
            // A lone scalar (`---` / some text / `---`): a rule and a heading, not metadata.
            return nil
          }
          guard depth == 1 else { break }
          if expectingValue {
            if titleIsNext && event.type == YAML_SCALAR_EVENT {
              let scalar = event.data.scalar
              return .some(
                String(
                  decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self))
            }
            expectingValue = false
          } else {
            titleIsNext =
              event.type == YAML_SCALAR_EVENT
              && String(
                decoding: UnsafeBufferPointer(
                  start: event.data.scalar.value, count: event.data.scalar.length),
                as: UTF8.self) == "title"
            expectingValue = true
          }
        default:
          break
        }
      }
    }
  }

  /// The top-level `title = "..."` of a TOML block (before any `[table]`), basic or literal string.
  private static func tomlTitle(_ text: String) -> String? {
    for rawLine in text.split(separator: "\n") {
      let line = rawLine.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[") { return nil }
      guard line.hasPrefix("title") else { continue }
      var rest = line.dropFirst(5).drop { $0 == " " || $0 == "\t" }
      guard rest.first == "=" else { continue }
      rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
      guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
      var value = ""
      var escaped = false
      for character in rest.dropFirst() {
        if quote == "\"" && escaped {
          switch character {
          case "n": value.append("\n")
          case "t": value.append("\t")
          default: value.append(character)
          }
          escaped = false
        } else if quote == "\"" && character == "\\" {
          escaped = true
        } else if character == quote {
          return value
        } else {
          value.append(character)
        }
      }
      return nil
    }
    return nil
  }
}
