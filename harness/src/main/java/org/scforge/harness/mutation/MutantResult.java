package org.scforge.harness.mutation;

/**
 * A mutant and what the regression did to it.
 *
 * @param mutant   the mutation
 * @param outcome  how it was killed, or that it survived
 * @param detail   the first failure that killed it (a bench line, a co-simulation mismatch), empty if it survived
 */
public record MutantResult(Mutant mutant, Outcome outcome, String detail) {
}
