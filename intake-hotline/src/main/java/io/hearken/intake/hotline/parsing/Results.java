package io.hearken.intake.hotline.parsing;

import io.hearken.intake.hotline.call.Call;
import java.util.ArrayList;
import java.util.List;

/** Collects the calls and problems while a reader walks a file. */
final class Results {

    final Limits limits;
    final List<Call> calls = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    Results(Limits limits) {
        this.limits = limits;
    }

    void call(Call call) {
        calls.add(call);
    }

    void problem(int line, String callId, String reason) {
        problems.add(new Problem(line, callId, reason));
    }
}
