package org.scforge.harness.mutation;

import org.scforge.harness.Simulator;

import java.util.List;

/**
 * The outcome of a {@link MutationCampaign}.
 *
 * @param design      the network's name
 * @param fold        the folding plan ("" when fully parallel)
 * @param seed        the seed the mutants were drawn with
 * @param frames      frames of the bench and of each co-simulation
 * @param simulators  the co-simulation's simulators
 * @param candidates  every mutation the operators can make of this design
 * @param results     one per mutant, in id order
 */
public record MutationReport(String design, String fold, long seed, int frames, List<Simulator> simulators,
                             int candidates, List<MutantResult> results) {

    public MutationReport {
        simulators = List.copyOf(simulators);
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public List<MutantResult> survivors() {
        return results.stream().filter(r -> r.outcome() == Outcome.SURVIVED).toList();
    }

    /** Killed mutants over all mutants, in percent (equivalent mutants are not known here: see docs/cosim.md). */
    public double score() {
        return results.isEmpty() ? 0 : 100.0 * (results.size() - count(Outcome.SURVIVED)) / results.size();
    }
}
