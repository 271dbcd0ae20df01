/// Finds the mentions of a name in the document's texts: whole words, longest form first, no overlaps.
///
/// The forms are searched longest first: each form takes, from left to right, its whole-word
/// occurrences that do not overlap one taken before, and only then does the next shorter form
/// search what is left. So 「Sam Altman」 counts once, not also as Sam and as Altman, and each
/// character belongs to at most one mention. Matching is exact, in case and in script: a
/// caller showing another script passes the forms converted to it along with converted texts.
public enum MentionFinder {
  /// The mentions of any of `forms` in `leaves`, in reading order.
  public static func mentions(of forms: [String], in leaves: [LeafText], outline: Outline) -> [Mention] {
    var unique: [String] = []
    for form in forms where !form.isEmpty && !unique.contains(form) { unique.append(form) }
    let ordered = unique.enumerated().sorted {
      ($0.element.unicodeScalars.count, $1.offset) > ($1.element.unicodeScalars.count, $0.offset)
    }.map(\.element)
    let scalarForms = ordered.map { Array($0.unicodeScalars) }
    var result: [Mention] = []
    for leaf in leaves {
      let text = Array(leaf.text.unicodeScalars)
      var found: [(start: Int, form: Int)] = []
      var claimed: [Bool] = []
      for (formIndex, form) in scalarForms.enumerated() {
        var index = 0
        while index + form.count <= text.count {
          if text[index] == form[0] && WholeWord.matches(form, in: text, at: index)
            && (claimed.isEmpty || !claimed[index..<(index + form.count)].contains(true))
          {
            if claimed.isEmpty { claimed = Array(repeating: false, count: text.count) }
            for position in index..<(index + form.count) { claimed[position] = true }
            found.append((index, formIndex))
            index += form.count
          } else {
            index += 1
          }
        }
      }
      found.sort { $0.start < $1.start }
      guard !found.isEmpty else { continue }
      let clusters = clusterIndices(of: text)
      let section = outline.sectionIndex(topIndex: leaf.topIndex, blockID: leaf.blockID)
      for (start, form) in found {
        let endCluster = clusters[start + scalarForms[form].count - 1] + 1
        result.append(
          Mention(
            topIndex: leaf.topIndex, leafID: leaf.blockID, offset: clusters[start],
            length: endCluster - clusters[start], form: ordered[form], section: section))
      }
    }
    return result
  }

  /// For each scalar, the index of the layout cluster it falls in.
  ///
  /// Mirrors `Cluster.clusters(of:)`: a zero-width scalar joins the cluster before it unless
  /// there is none or that cluster is a line break; every other scalar starts a cluster.
  static func clusterIndices(of text: [Unicode.Scalar]) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(text.count)
    var current = -1
    for (index, scalar) in text.enumerated() {
      let joins = DisplayWidth.of(scalar) == 0 && index > 0 && text[index - 1] != "\n"
      if !joins { current += 1 }
      result.append(current)
    }
    return result
  }
}
