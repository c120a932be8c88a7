<#include "header.ftl">
`timescale 1ns / 1ps
// Number of ones among TERMS bits: a balanced binary tree of pairwise adds, so the combinational depth
// is about log2(TERMS) adders instead of the TERMS adders of a running count. A node counts bits lo .. hi
// (ones_<lo>_to_<hi>) as the count of its lower half plus the count of its upper half, and is just wide
// enough for its own count. The tree of each TERMS this design uses is written out node by node: a
// recursive module would cost a simulator one scope per node (docs/benchmarks.md, Icarus).
module ${top}_popcount #(
    parameter TERMS = ${trees[0].terms}
) (
    input  wire [TERMS-1:0]               bits,
    output wire [$clog2(TERMS+1)-1:0]     count
);
    generate
<#list trees as tree>
        <#if tree?index gt 0>end else </#if>if (TERMS == ${tree.terms}) begin : terms_${tree.terms}
<#list tree.nodes as node>
            wire [${node.bits - 1}:0] ${node.name} = ${node.left} + ${node.right};
</#list>
            assign count = ${tree.root};
</#list>
        end
    endgenerate
endmodule
