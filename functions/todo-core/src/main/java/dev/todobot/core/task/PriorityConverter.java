package dev.todobot.core.task;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class PriorityConverter implements AttributeConverter<Priority, Short> {

	@Override
	public Short convertToDatabaseColumn(Priority priority) {
		return (priority != null) ? (short) priority.rank() : null;
	}

	@Override
	public Priority convertToEntityAttribute(Short rank) {
		return (rank != null) ? Priority.ofRank(rank) : null;
	}

}
