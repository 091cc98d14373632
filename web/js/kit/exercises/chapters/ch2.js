// Chapter 2's exercises (being written).
export default [];
