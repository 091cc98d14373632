// Chapter 7's exercises (being written).
export default [];
