package fr.preuve.core.guard;

import java.util.List;

/** Finds one or more kinds of identifying data; findings may overlap, {@link PatientDataGuard} resolves that. */
interface Detector {
    List<Finding> find(String text);
}
