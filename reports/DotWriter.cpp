#include "reports/DotWriter.hpp"

#include <set>
#include <stdexcept>
#include <utility>

namespace checker::report {

namespace {

constexpr const char* kCycleStyle = "color=\"red\", fontcolor=\"red\", penwidth=2.5, style=bold";
constexpr const char* kEdgeStyle = "color=\"grey40\", fontcolor=\"grey25\"";

using EdgeKey = std::pair<std::string, std::string>;

// The edges that lie on the cycle: each cycle node to the next, the last back to the first
// (thread -waits-> object -held by-> thread -> ...).
std::set<EdgeKey> cycleEdges(const std::vector<std::string>& cycle)
{
    std::set<EdgeKey> out;
    for (size_t i = 0; i < cycle.size() && cycle.size() > 1; ++i)
        out.insert({cycle[i], cycle[(i + 1) % cycle.size()]});
    return out;
}

const char* shapeOf(const GraphNode& node)
{
    if (node.type == "thread") return "ellipse";
    if (node.type == "file") return "note";
    return "box";
}

// Threads: name and detail (e.g. the statement it waits at); objects and files also their type.
std::string nodeLabel(const GraphNode& node)
{
    std::string label = node.id;
    if (node.type != "thread") label += "\n" + node.type;
    if (!node.detail.empty()) label += "\n" + node.detail;
    return label;
}

std::string titleOf(const Finding& finding)
{
    std::string title = finding.id + " " + findingKindId(finding.kind);
    if (!finding.rule.empty()) title += " (" + finding.rule + ")";
    return title + ": " + finding.message;
}

}  // namespace

std::string dotQuoted(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            continue;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string DotWriter::render(const Finding& finding) const
{
    if (!finding.graph) throw std::invalid_argument("DotWriter::render: finding has no graph");
    const Graph& graph = *finding.graph;
    const std::set<EdgeKey> onCycle = cycleEdges(graph.cycle);
    const std::set<std::string> cycleNodes(graph.cycle.begin(), graph.cycle.end());

    std::string out = "digraph " + dotQuoted(finding.id) + " {\n";
    out += "  graph [label=" + dotQuoted(titleOf(finding)) +
           ", labelloc=\"t\", fontname=\"Helvetica\", rankdir=\"LR\"];\n";
    out += "  node [fontname=\"Helvetica\", color=\"black\"];\n";
    out += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
    for (const GraphNode& node : graph.nodes) {
        out += "  " + dotQuoted(node.id) + " [shape=" + shapeOf(node) +
               ", label=" + dotQuoted(nodeLabel(node));
        if (cycleNodes.count(node.id)) out += ", penwidth=2";
        out += "];\n";
    }
    for (const GraphEdge& edge : graph.edges) {
        const bool cycle = onCycle.count({edge.from, edge.to}) > 0;
        out += "  " + dotQuoted(edge.from) + " -> " + dotQuoted(edge.to) +
               " [label=" + dotQuoted(edge.label) + ", " + (cycle ? kCycleStyle : kEdgeStyle) + "];\n";
    }
    return out + "}\n";
}

}  // namespace checker::report
