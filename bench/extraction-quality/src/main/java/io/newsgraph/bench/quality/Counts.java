package io.newsgraph.bench.quality;

/** True positives, predictions and gold items of one kind; precision, recall and F1 from them. */
record Counts(int correct, int predicted, int gold) {

    static final Counts ZERO = new Counts(0, 0, 0);

    Counts plus(Counts o) {
        return new Counts(correct + o.correct, predicted + o.predicted, gold + o.gold);
    }

    /** 1.0 when nothing was predicted and nothing was expected. */
    double precision() {
        return predicted == 0 ? (gold == 0 ? 1.0 : 0.0) : (double) correct / predicted;
    }

    double recall() {
        return gold == 0 ? 1.0 : (double) correct / gold;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
