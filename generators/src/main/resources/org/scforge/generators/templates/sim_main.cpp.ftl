<#include "header.ftl">
// Verilator harness: the same checks as tb_${top}.v on the same vectors.hex. Exit 1 at the first
// difference, naming the frame, the neuron, the expected and the got value; at the end it prints
// "PASS: <frames> frames, <values> values compared".
#include "V${top}.h"
#include "verilated.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

const int LATENCY = ${latency};
const int CODE_WIDTH = ${codeWidth};
const int COUNT_BITS = ${countBits};
const int CLASSES = ${classes};
const int CLASS_BITS = ${classBits};

// One vector line as bits, least significant first.
std::vector<int> hex_bits(const std::string& hex, int width) {
    std::vector<int> bits(width, 0);
    int position = 0;
    for (auto it = hex.rbegin(); it != hex.rend() && position < width; ++it) {
        char c = *it;
        int nibble = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
        for (int b = 0; b < 4 && position < width; ++b) {
            bits[position++] = (nibble >> b) & 1;
        }
    }
    return bits;
}

uint64_t field(const std::vector<int>& bits, int lsb, int width) {
    uint64_t value = 0;
    for (int b = width - 1; b >= 0; --b) {
        value = (value << 1) | static_cast<uint64_t>(bits[lsb + b]);
    }
    return value;
}

int64_t sign_extend(uint64_t value, int width) {
    uint64_t sign = 1ULL << (width - 1);
    return static_cast<int64_t>((value ^ sign) - sign);
}

void tick(V${top}* top) {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
}

void set_codes(V${top}* top, const std::vector<int>& bits) {
<#if codeWidth <= 64>
    top->codes = field(bits, 0, CODE_WIDTH);
<#else>
    for (int word = 0; word * 32 < CODE_WIDTH; ++word) {
        int width = CODE_WIDTH - word * 32 < 32 ? CODE_WIDTH - word * 32 : 32;
        top->codes[word] = static_cast<uint32_t>(field(bits, word * 32, width));
    }
</#if>
}

int counts_bit(V${top}* top, int bit) {
<#if countsWidth <= 64>
    return static_cast<int>((static_cast<uint64_t>(top->counts) >> bit) & 1U);
<#else>
    return static_cast<int>((top->counts[bit / 32] >> (bit % 32)) & 1U);
</#if>
}

}  // namespace

int main(int argc, char** argv) {
    Verilated::commandArgs(argc, argv);
    const char* path = argc > 1 && argv[argc - 1][0] != '+' ? argv[argc - 1] : "vectors.hex";
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path);
        return 2;
    }
    std::vector<std::vector<int>> vectors;
    std::string line;
    const int vector_bits = CLASS_BITS + CLASSES * COUNT_BITS + CODE_WIDTH;
    while (std::getline(in, line)) {
        if (line.empty() || line.rfind("//", 0) == 0) {
            continue;
        }
        vectors.push_back(hex_bits(line, vector_bits));
    }
    V${top}* top = new V${top};
    top->rst = 1;
    top->start = 0;
    tick(top);
    tick(top);
    top->rst = 0;
    long compared = 0;
    for (size_t frame = 0; frame < vectors.size(); ++frame) {
        const std::vector<int>& v = vectors[frame];
        set_codes(top, v);
        top->start = 1;
        tick(top);
        top->start = 0;
        int cycles = 0;
        while (!top->done) {
            if (cycles >= LATENCY) {
                std::fprintf(stderr, "FAIL: frame %zu: done did not rise within %d edges of start\n", frame, LATENCY);
                return 1;
            }
            tick(top);
            ++cycles;
        }
        if (cycles != LATENCY) {
            std::fprintf(stderr, "FAIL: frame %zu: done rose %d edges after start, expected %d\n", frame, cycles, LATENCY);
            return 1;
        }
        for (int j = 0; j < CLASSES; ++j) {
            int64_t expected = sign_extend(field(v, CODE_WIDTH + j * COUNT_BITS, COUNT_BITS), COUNT_BITS);
            uint64_t raw = 0;
            for (int b = COUNT_BITS - 1; b >= 0; --b) {
                raw = (raw << 1) | static_cast<uint64_t>(counts_bit(top, j * COUNT_BITS + b));
            }
            int64_t got = sign_extend(raw, COUNT_BITS);
            if (got != expected) {
                std::fprintf(stderr, "FAIL: frame %zu, ${readout}_neuron_%d: expected %lld, got %lld\n", frame, j,
                             static_cast<long long>(expected), static_cast<long long>(got));
                return 1;
            }
            ++compared;
        }
        uint64_t expected_class = field(v, CODE_WIDTH + CLASSES * COUNT_BITS, CLASS_BITS);
        if (static_cast<uint64_t>(top->class_out) != expected_class) {
            std::fprintf(stderr, "FAIL: frame %zu, class_out: expected %llu, got %llu\n", frame,
                         static_cast<unsigned long long>(expected_class),
                         static_cast<unsigned long long>(top->class_out));
            return 1;
        }
        ++compared;
    }
    top->final();
    delete top;
    if (compared == 0) {
        std::fprintf(stderr, "FAIL: no frames in %s\n", path);
        return 1;
    }
    std::printf("PASS: %zu frames, %ld values compared\n", vectors.size(), compared);
    return 0;
}
